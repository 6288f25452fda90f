import { workflowSuite } from './workflow.suite';

workflowSuite('postgres');
