import { fhirImportSuite } from './fhir.suite';

fhirImportSuite('postgres');
