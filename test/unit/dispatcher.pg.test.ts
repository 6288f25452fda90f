import { dispatcherSuite } from './dispatcher.suite';

dispatcherSuite('postgres');
