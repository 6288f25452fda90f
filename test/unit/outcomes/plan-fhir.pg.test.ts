import { planExportsSuite } from './plan-fhir.suite';

planExportsSuite('postgres');
