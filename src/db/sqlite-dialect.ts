import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery, SqliteAdapter, SqliteDriver, SqliteIntrospector, SqliteQueryCompiler,
  type DatabaseConnection, type Dialect, type Kysely,
} from 'kysely';

/**
 * Kysely's SQLite dialect with two changes: write transactions start with BEGIN IMMEDIATE,
 * so a second process (the CLI, a worker) waits on the busy timeout instead of failing on a
 * lock upgrade; and prepared statements are reused, since Kysely prepares every query anew.
 */
export function createSqliteDialect(file: string): Dialect {
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before we answer 2xx, also across power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const statements = new Map<string, SqliteDatabase.Statement>();
  const database = {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= 1000) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
  const driver = new ImmediateSqliteDriver({ database });
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => driver,
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
  };
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
