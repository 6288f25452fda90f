import { casesRepositorySuite } from './cases-repository.suite';

casesRepositorySuite('postgres');
