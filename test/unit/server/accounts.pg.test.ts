import { accountsSuite } from './accounts.suite';

accountsSuite('postgres');
