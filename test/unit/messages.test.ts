import { messagesSuite } from './messages.suite';

messagesSuite('sqlite');
