/** Record versions (issue 10 point 4) on PostgreSQL: the scenarios of versions.test.ts on the test cluster. */
import { useEngine } from '../helpers/engines';
import { versionScenarios } from './versions-scenarios';

// A fresh database per scenario, copied from the migrated template, opened with the fixture's audit key.
const fixture = useEngine('postgres');
versionScenarios('PostgreSQL', () => fixture.app({ transport: 'network' }));
