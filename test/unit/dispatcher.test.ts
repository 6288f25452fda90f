import { dispatcherSuite } from './dispatcher.suite';

dispatcherSuite('sqlite');
