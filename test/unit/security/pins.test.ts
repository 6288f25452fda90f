import { pinsSuite } from './pins.suite';

pinsSuite('sqlite');
