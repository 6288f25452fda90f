import { auditSuite } from './audit.suite';

auditSuite('sqlite');
