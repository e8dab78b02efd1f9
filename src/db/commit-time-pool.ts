import { sql, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult, type RawBuilder } from 'kysely';
import type pg from 'pg';

/**
 * Ends a statement that may wait for its transaction's COMMIT (`atCommit`). Its text is a comment,
 * so the statement means the same wherever it is sent.
 */
const MARK = '/* openkyb: at commit */';

/** What a statement ends with (Kysely's `modifyEnd`) to be held until its transaction commits. */
export function atCommit(): RawBuilder<unknown> {
  return sql.raw(MARK);
}

/** A statement that names these tables sees what the held statements write: they go first. */
const READS_HELD = /audit_/;

/**
 * The main pool on PostgreSQL. Inside a transaction, a statement marked `atCommit` is held and
 * sent with the COMMIT, in the order the statements were made, as one simple query: its values
 * are written into its text as literals (pg's `escapeLiteral`), since a query with parameters
 * cannot carry a second statement. It exists for the partner's audit chain: appending an entry
 * locks the partner's head row until the commit, so every other writer of the partner waits
 * from the append to the end of the transaction. Sent with the COMMIT, the lock is held while
 * PostgreSQL runs the two, not for the rest of the transaction nor for a round trip to a busy
 * server (docs/performance.md, twelfth session).
 *
 * Nothing changes in what commits: a held statement runs in its transaction, and if it fails
 * PostgreSQL runs nothing after it, so the COMMIT is not run, the transaction rolls back and its
 * caller's promise rejects, as before. A held statement must fail by itself when it cannot do its
 * work (the audit append always writes its row or raises). A statement that names the held
 * statements' tables (`audit_`) first sends what is held, so a transaction reads its own entries;
 * so does a SAVEPOINT, and a ROLLBACK TO SAVEPOINT drops what was held since. Outside a
 * transaction the mark changes nothing.
 */
export function commitTimePool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => holding(await pool.connect()),
    end: () => pool.end(),
  };
}

interface Held {
  sql: string;
  parameters: unknown[];
}

function holding(client: pg.PoolClient): PostgresPoolClient {
  let inTransaction = false;
  let held: Held[] = [];

  const sendHeld = async (): Promise<void> => {
    while (held.length > 0) {
      const next = held.shift()!;
      await client.query(next.sql, next.parameters);
    }
  };

  /** The held statements and the COMMIT in one round trip; answers what the COMMIT answered. */
  const commitWithHeld = async (commit: string): Promise<unknown> => {
    const statements = held.map((statement) => withLiterals(client, statement));
    held = [];
    const results = (await client.query([...statements, commit].join(';\n'))) as unknown as pg.QueryResult[];
    return results[results.length - 1];
  };

  const query = async <R>(text: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> => {
    if (inTransaction && text.endsWith(MARK)) {
      held.push({ sql: text, parameters: [...parameters] });
      // Kysely reads rows and, for INSERT/UPDATE/DELETE/MERGE only, rowCount.
      return { command: 'SELECT', rowCount: 0, rows: [] };
    }
    const words = /^\s*(\w+)(?:\s+(\w+))?/.exec(text);
    const word = words?.[1]?.toLowerCase();
    const isCommit = word === 'commit' || word === 'end';
    if (word === 'rollback' || word === 'abort' || word === 'begin' || word === 'start') held = [];
    else if (word === 'savepoint' || (!isCommit && READS_HELD.test(text))) await sendHeld();
    const result = (
      isCommit && held.length > 0 && parameters.length === 0 ? await commitWithHeld(text) : await client.query(text, [...parameters])
    ) as PostgresQueryResult<R>;
    if (word === 'begin' || word === 'start') inTransaction = true;
    else if ((word === 'commit' || word === 'end' || word === 'rollback' || word === 'abort') && words?.[2]?.toLowerCase() !== 'to') inTransaction = false;
    return result;
  };

  return {
    query: query as PostgresPoolClient['query'],
    release: (destroy?: boolean) => {
      held = [];
      inTransaction = false;
      client.release(destroy);
    },
  };
}

/**
 * A held statement as plain text: each `$n` replaced by its value as a literal. Held statements
 * are built by OpenKYB (the audit append), whose text has no `$` but its parameters.
 */
function withLiterals(client: pg.PoolClient, { sql: text, parameters }: Held): string {
  return text.slice(0, -MARK.length).replace(/\$(\d+)/g, (_, n: string) => literal(client, parameters[Number(n) - 1]));
}

/**
 * Every value a quoted literal, as pg sends a parameter (text, its type taken from where it
 * stands): a number is not pasted bare, so `1.5::bigint` fails as its parameter would instead of
 * rounding, and `-$1` cannot become a comment.
 */
function literal(client: pg.PoolClient, value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return client.escapeLiteral(value);
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint' || typeof value === 'boolean')
    return client.escapeLiteral(String(value));
  throw new Error(`a statement held until the commit has a value of type ${typeof value}, which it cannot write as a literal`);
}
