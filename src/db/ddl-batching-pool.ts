import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** Statements that change the schema and return nothing: safe to send later, with the next ones. */
const DDL = /^\s*(create|alter|drop|comment)\s/i;

/**
 * The migrations' pool on PostgreSQL. Inside a transaction, schema statements without parameters
 * are held and sent together, as one multi-statement query, just before the next statement that
 * needs an answer (a parameterised insert, a select, the COMMIT). A migration of thirty
 * `CREATE ...` is then one round trip instead of thirty; an empty schema's whole history went
 * from 247 queries to 90 (docs/performance.md, "Start-up: one bundle, and migrations in
 * fewer round trips").
 *
 * Nothing changes in what commits: the statements run in the same transaction and the same
 * order, and a failing one fails the statement that sent it, so the transaction rolls back as
 * before. Its error names the held statement that failed. Outside a transaction statements go
 * at once: an autocommit statement must not wait for a query that might run on another
 * connection. `end` leaves the shared pool to its owner.
 */
export function ddlBatchingPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => batching(await pool.connect()),
    end: async () => {},
  };
}

function batching(client: pg.PoolClient): PostgresPoolClient {
  let inTransaction = false;
  let held: string[] = [];

  const sendHeld = async (): Promise<void> => {
    if (held.length === 0) return;
    const statements = held;
    held = [];
    try {
      await client.query(statements.join(';\n'));
    } catch (error) {
      throw nameFailedStatement(error, statements);
    }
  };

  const query = async <R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> => {
    if (inTransaction && parameters.length === 0 && DDL.test(sql)) {
      held.push(sql);
      // Kysely reads rows and, for INSERT/UPDATE/DELETE/MERGE only, rowCount.
      return { command: 'SELECT', rowCount: 0, rows: [] };
    }
    const word = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase();
    if (word === 'rollback') held = [];
    else await sendHeld();
    const result = (await client.query(sql, [...parameters])) as unknown as PostgresQueryResult<R>;
    if (word === 'begin' || word === 'start') inTransaction = true;
    if (word === 'commit' || word === 'rollback' || word === 'end') inTransaction = false;
    return result;
  };

  return {
    query: query as PostgresPoolClient['query'],
    release: (destroy?: boolean) => {
      held = [];
      client.release(destroy);
    },
  };
}

/**
 * Names the held statement an error came from: by the position PostgreSQL reports when it gives
 * one, else the first statement that names the object the message names, else the batch.
 */
function nameFailedStatement(error: unknown, statements: string[]): unknown {
  if (!(error instanceof Error)) return error;
  const position = Number((error as { position?: string }).position);
  const others = `sent with ${statements.length - 1} other schema statements`;
  let end = 0;
  const at = Number.isFinite(position) ? statements.find((statement) => position <= (end += statement.length + 2)) : undefined;
  const name = /"([^"]+)"/.exec(error.message)?.[1];
  const naming = name === undefined ? undefined : statements.find((statement) => statement.includes(name));
  if (at) error.message += ` (in a schema statement ${others}: ${at.slice(0, 300)})`;
  else if (naming) error.message += ` (${others}; the first that names "${name}": ${naming.slice(0, 300)})`;
  else error.message += ` (in one of ${statements.length} schema statements sent together, from: ${statements[0]!.slice(0, 300)})`;
  return error;
}
