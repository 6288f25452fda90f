import { fhirImportSuite } from './fhir.suite';

fhirImportSuite('sqlite');
