import { casesRepositorySuite } from './cases-repository.suite';

casesRepositorySuite('sqlite');
