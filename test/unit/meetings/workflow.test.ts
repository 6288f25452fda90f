import { workflowSuite } from './workflow.suite';

workflowSuite('sqlite');
