import { csvImportSuite } from './csv-import.suite';

csvImportSuite('postgres');
