/** The test cluster itself: loopback only, passwords required (scram-sha-256), an unprivileged test role, one database per file. */
import { describe, expect, it } from 'vitest';
import { postgres } from '../../postgres/database';

describe.skipIf(!postgres.available)('the PostgreSQL test cluster', () => {
  it('serves PostgreSQL on 127.0.0.1 in UTF-8 with the C.UTF-8 locale', () => {
    const url = new URL(postgres.url);
    expect(url.hostname).toBe('127.0.0.1');
    const [encoding, collate, listen] = postgres.psql(postgres.url, "SELECT pg_encoding_to_char(encoding), datcollate, current_setting('listen_addresses') FROM pg_database WHERE datname = current_database()").trim().split('|');
    expect(encoding).toBe('UTF8');
    expect(collate).toBe('C.UTF-8');
    expect(listen).toBe('127.0.0.1');
  });

  it('refuses a wrong password (scram-sha-256, no trust)', () => {
    const url = new URL(postgres.url);
    url.password = 'not-the-password';
    expect(() => postgres.psql(url.toString(), 'SELECT 1')).toThrow(/password authentication failed for user "tb_test"/);
  });

  it('runs the tests as a role that may create databases but is no superuser', () => {
    expect(postgres.psql(postgres.url, 'SELECT current_user, rolsuper, rolcreatedb FROM pg_roles WHERE rolname = current_user').trim()).toBe('tb_test|f|t');
  });

  it('gives each caller a fresh, empty database of its own, with unaccent and pg_trgm installable by its owner', () => {
    const a = postgres.freshDatabase('cluster a');
    const b = postgres.freshDatabase('cluster b');
    expect(new URL(a).pathname).toMatch(/^\/t_cluster_a_[0-9a-f]{8}$/);
    postgres.psql(a, 'CREATE TABLE t (x int); INSERT INTO t VALUES (1), (2)');
    expect(postgres.psql(a, 'SELECT count(*) FROM t').trim()).toBe('2');
    expect(postgres.psql(b, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").trim()).toBe('0');
    postgres.psql(b, 'CREATE EXTENSION unaccent; CREATE EXTENSION pg_trgm');
    expect(postgres.psql(b, "SELECT unaccent('Ødegård Wróbel'), similarity('odegard', 'odegaard') > 0.3").trim()).toBe('Odegard Wrobel|t');
    postgres.dropDatabase(a);
    postgres.dropDatabase(b);
    expect(postgres.psql(postgres.url, `SELECT count(*) FROM pg_database WHERE datname IN ('${new URL(a).pathname.slice(1)}', '${new URL(b).pathname.slice(1)}')`).trim()).toBe('0');
  });
});
