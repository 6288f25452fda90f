import { minutesApiSuite } from './api.suite';

minutesApiSuite('sqlite');
