/** Record versions (issue 10 point 4) on SQLite; versions.pg.test.ts runs the same scenarios on PostgreSQL. */
import { useEngine } from '../helpers/engines';
import { versionScenarios } from './versions-scenarios';

const fixture = useEngine('sqlite');
versionScenarios('SQLite', () => fixture.app({ transport: 'network' }));
