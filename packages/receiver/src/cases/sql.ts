// One SQL text for both stores, for the cases and the alerts (issue 19). A unit of work is a generator
// that yields statements and receives their results: on SQLite it runs synchronously inside one
// better-sqlite3 transaction (nothing else can run in between, so no other request's statement ever joins
// it); on PostgreSQL inside BEGIN … COMMIT on one pooled connection, run again on a serialization
// conflict. Statements use `?` placeholders (turned into $1, $2… for PostgreSQL) and the SQL both
// dialects share; `pg` gives PostgreSQL its own text where they differ (FOR UPDATE).
import type Database from 'better-sqlite3';
import type { PoolClient } from 'pg';
import { PgStore } from '../pg/store.js';
import { inTransaction } from '../pg/errors.js';
import { SqliteStore } from '../sqlite-store.js';
import type { Store } from '../store-api.js';
import { truncateWal } from '../erasure.js';

export interface Statement {
  sql: string;
  params: unknown[];
  /** `all`: the rows; `run`: how many rows changed. */
  mode: 'all' | 'run';
  /** PostgreSQL's own text, when it differs. */
  pg?: string;
}

/** A unit of work: yields statements, gets each one's result back. */
export type Work<T> = Generator<Statement, T, unknown>;

export const all = (sql: string, params: unknown[] = [], pg?: string): Statement => ({
  sql,
  params,
  mode: 'all',
  ...(pg ? { pg } : {}),
});
export const run = (sql: string, params: unknown[] = [], pg?: string): Statement => ({
  sql,
  params,
  mode: 'run',
  ...(pg ? { pg } : {}),
});

/** `?` → `$n`, for PostgreSQL (no statement here has a `?` inside a string literal). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export interface Sql {
  readonly kind: 'sqlite' | 'postgres';
  /** Runs `work` in one transaction. */
  transaction<T>(work: () => Work<T>): Promise<T>;
  /** After an erasure: SQLite's WAL is folded in and cut, PostgreSQL's dead rows vacuumed. */
  scrub(tables: readonly string[]): Promise<void>;
}

function sqliteSql(store: SqliteStore): Sql {
  const db: Database.Database = store.inner.db;
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  const execute = (statement: Statement): unknown =>
    statement.mode === 'all'
      ? prepare(statement.sql).all(...statement.params)
      : prepare(statement.sql).run(...statement.params).changes;
  return {
    kind: 'sqlite',
    async transaction<T>(work: () => Work<T>): Promise<T> {
      return store.inner.paused(() =>
        db
          .transaction(() => {
            const steps = work();
            let next = steps.next();
            while (!next.done) next = steps.next(execute(next.value));
            return next.value;
          })
          .immediate(),
      );
    },
    async scrub() {
      truncateWal(store.inner);
    },
  };
}

function pgSql(store: PgStore): Sql {
  const execute = async (client: PoolClient, statement: Statement): Promise<unknown> => {
    const result = await client.query(numbered(statement.pg ?? statement.sql), statement.params);
    return statement.mode === 'all' ? result.rows : (result.rowCount ?? 0);
  };
  return {
    kind: 'postgres',
    transaction<T>(work: () => Work<T>): Promise<T> {
      return inTransaction(store.pool, async (client) => {
        const steps = work();
        let next = steps.next();
        while (!next.done) next = steps.next(await execute(client, next.value));
        return next.value;
      });
    },
    async scrub(tables) {
      await store.pool.query(`VACUUM ${tables.join(', ')}`).catch(() => {});
    },
  };
}

const cache = new WeakMap<Store, Sql>();

/** The shared-SQL runner over a store's database. */
export function sqlOf(store: Store): Sql {
  let sql = cache.get(store);
  if (sql) return sql;
  if (store instanceof SqliteStore) sql = sqliteSql(store);
  else if (store instanceof PgStore) sql = pgSql(store);
  else throw new TypeError(`cases: no SQL for a ${store.kind} store`);
  cache.set(store, sql);
  return sql;
}
