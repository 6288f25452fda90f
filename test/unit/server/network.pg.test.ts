import { networkSuite } from './network.suite';

networkSuite('postgres');
