import { registrySuite } from './registry.suite';

registrySuite('postgres');
