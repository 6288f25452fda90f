/**
 * Case-list benchmarks on a 100,000-case database: demo insert, first page and search through the app's
 * repository against the same SQL run raw (ratio = app / raw, the two run alternately in the same loop).
 */
import path from 'node:path';
import type { Db } from '../db/connection';
import { openDatabase } from '../db/open';
import { BROAD_MATCH, buildListSql, listCases, toMatchQuery } from '../db/repositories/cases';
import { caseListQuerySchema, type CaseListQuery } from '../shared/domain/case';
import { seedDemo } from '../electron/services/demo';
import { createDispatcher } from '../electron/api/dispatcher';
import { buildHandlers } from '../electron/app/context';
import { emit, time, timeAsync, timePair } from './harness';

const SEARCHES = ['odeg', 'nunez', 'lukasz wrob', 'colorectal y-90', 'mrn12', 'hepatocellular bclc'];

/** The same statements the repository runs for `q` (same plan choice), prepared once and run bare. */
function rawPage(db: Db, q: CaseListQuery) {
  const parsed = caseListQuerySchema.parse(q);
  const match = toMatchQuery(parsed.search);
  const ftsCount = db.prepare('SELECT count(*) FROM case_search WHERE case_search MATCH ?').pluck();
  const broad = match !== null && (ftsCount.get(match) as number) > BROAD_MATCH;
  const sql = buildListSql(parsed, broad);
  const count = match ? null : db.prepare(sql.countSql).pluck();
  const rows = db.prepare(sql.rowsSql);
  return () => {
    if (count) count.get(...sql.params);
    else ftsCount.get(match);
    return rows.all(...sql.params, parsed.limit, parsed.offset);
  };
}

export async function benchCaseList(dir: string, cases: number): Promise<void> {
  const { db } = openDatabase(path.join(dir, 'bench.db'));
  const started = performance.now();
  seedDemo(db, cases, 7);
  emit('demo.insert', { median_ms: performance.now() - started, runs: 1, cases });

  // The repository against the same SQL run raw: the query is validated once, as the dispatcher does before the
  // repository is called (the whole API path, validation included, is list.first_page.api below).
  const first: CaseListQuery = {};
  const firstParsed = caseListQuerySchema.parse(first);
  const [appList, rawList] = timePair(() => listCases(db, firstParsed), rawPage(db, first), 1000);
  emit('list.first_page.app', { median_ms: appList, runs: 1000 });
  emit('list.first_page.raw', { median_ms: rawList, runs: 1000 });
  emit('ratio.list', { ratio: appList / rawList });

  const byName: CaseListQuery = { sort: 'name', direction: 'asc', statuses: ['draft', 'ready'], primaries: ['colorectal', 'hcc'] };
  emit('list.filtered_sorted.app', { median_ms: time(() => listCases(db, caseListQuerySchema.parse(byName)), 50), runs: 50 });
  emit('list.deep_page.app', { median_ms: time(() => listCases(db, caseListQuerySchema.parse({ offset: cases - 100 })), 50), runs: 50 });

  let appSearch = 0;
  let rawSearch = 0;
  for (const search of SEARCHES) {
    const parsed = caseListQuerySchema.parse({ search });
    const [app, raw] = timePair(() => listCases(db, parsed), rawPage(db, { search }), 100);
    appSearch += app;
    rawSearch += raw;
  }
  emit('search.app', { median_ms: appSearch / SEARCHES.length, runs: 100 * SEARCHES.length });
  emit('search.raw', { median_ms: rawSearch / SEARCHES.length, runs: 100 * SEARCHES.length });
  emit('ratio.search', { ratio: appSearch / rawSearch });

  // The whole API path the UI pays for: input validation, repository, output validation.
  const dispatch = createDispatcher(buildHandlers(db, { transport: 'browser-host' }));
  const ctx = { transport: 'browser-host' as const, session: 'bench', actor: { label: 'bench', profileId: null, role: 'admin' as const } };
  emit('list.first_page.api', { median_ms: await timeAsync(() => dispatch('cases.list', {}, ctx), 100), runs: 100 });
  emit('search.api', { median_ms: await timeAsync(() => dispatch('cases.list', { search: 'odeg' }, ctx), 100), runs: 100 });
  db.close();
}
