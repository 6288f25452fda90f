import { importsApiSuite } from './api-cli.suite';

importsApiSuite('postgres');
