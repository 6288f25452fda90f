import { minutesApiSuite } from './api.suite';

minutesApiSuite('postgres');
