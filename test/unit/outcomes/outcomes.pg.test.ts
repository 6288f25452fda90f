import { outcomesSuite } from './outcomes.suite';

outcomesSuite('postgres');
