import { registrySuite } from './registry.suite';

registrySuite('sqlite');
