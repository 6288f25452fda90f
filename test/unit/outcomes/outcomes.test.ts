import { outcomesSuite } from './outcomes.suite';

outcomesSuite('sqlite');
