import { pinsSuite } from './pins.suite';

pinsSuite('postgres');
