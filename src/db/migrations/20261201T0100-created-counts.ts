import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
//
// The list at a million companies, by creation time. Counting a time range walked the index
// entry by entry (500,000 entries for half the companies: 60 to 100 ms), and so did a deep page
// (the offset: 120 to 160 ms at the millionth row). Here the listed companies (search_text is
// not null, as company_counts) are counted per partner, status and creation-time bucket, at five
// nested widths (a second, a minute, an hour, a day, 32 days; each divides the next, all aligned
// on the epoch). A range is then its whole buckets, a few at each width, plus its two partial
// seconds counted on the index; a deep page finds its second by descending the widths and walks
// inside that second only. Triggers keep the counts exact in every writer's transaction, as
// company_counts is kept.
const WIDTHS = [1_000, 60_000, 3_600_000, 86_400_000, 2_764_800_000];

export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // Width first: a level's buckets of a partner are one range of the key, all statuses together.
  await db.schema
    .createTable('company_created_counts')
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('width', 'bigint', (c) => c.notNull())
    .addColumn('bucket', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('company_created_counts_pk', ['partner_id', 'width', 'bucket', 'status'])
    .execute();

  if (isPostgres) await postgresUp(db);
  else await sqliteUp(db);

  // The finest width from companies, each coarser one from the finer one's rows (far fewer than
  // the companies).
  const finest = sql.raw(String(WIDTHS[0]));
  await sql`
    insert into company_created_counts (partner_id, width, bucket, status, count)
    select partner_id, ${finest}, created_at - created_at % ${finest}, status, count(*)
    from companies where search_text is not null
    group by partner_id, created_at - created_at % ${finest}, status`.execute(db);
  for (let level = 1; level < WIDTHS.length; level += 1) {
    const [finer, width] = [sql.raw(String(WIDTHS[level - 1])), sql.raw(String(WIDTHS[level]))];
    await sql`
      insert into company_created_counts (partner_id, width, bucket, status, count)
      select partner_id, ${width}, bucket - bucket % ${width}, status, sum(count)
      from company_created_counts where width = ${finer}
      group by partner_id, bucket - bucket % ${width}, status`.execute(db);
  }
  if (isPostgres) await sql`analyze company_created_counts`.execute(db);
}

async function postgresUp(db: Kysely<unknown>): Promise<void> {
  const widths = sql.raw(`array[${WIDTHS.join(', ')}]::bigint[]`);
  // One statement writes every row a change touches (up to ten: five widths, old and new key),
  // taken in key order: two transactions moving companies in opposite directions wait for each
  // other instead of deadlocking. Rows of one key (a creation time moved within its minute)
  // are summed first: an upsert may not touch a row twice.
  await sql`
    create function company_created_counts_track() returns trigger language plpgsql as $$
    declare
      old_listed boolean := tg_op <> 'INSERT' and old.search_text is not null;
      new_listed boolean := tg_op <> 'DELETE' and new.search_text is not null;
    begin
      if tg_op = 'UPDATE' and old_listed = new_listed and (old.partner_id, old.status, old.created_at)
          is not distinct from (new.partner_id, new.status, new.created_at) then
        return null;
      end if;
      if not old_listed and not new_listed then
        return null;
      end if;
      insert into company_created_counts as c (partner_id, width, bucket, status, count)
        select k.partner_id, k.width, k.bucket, k.status, sum(k.delta)
        from (
          select old.partner_id as partner_id, w as width, old.created_at - old.created_at % w as bucket, old.status as status, -1 as delta
            from unnest(${widths}) w where old_listed
          union all
          select new.partner_id, w, new.created_at - new.created_at % w, new.status, 1
            from unnest(${widths}) w where new_listed
        ) k
        group by k.partner_id, k.width, k.bucket, k.status
        having sum(k.delta) <> 0
        order by k.partner_id, k.width, k.bucket, k.status
        on conflict (partner_id, width, bucket, status) do update set count = c.count + excluded.count;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger company_created_counts_track after insert or delete or update of partner_id, status, created_at, search_text
    on companies for each row execute function company_created_counts_track()`.execute(db);
}

async function sqliteUp(db: Kysely<unknown>): Promise<void> {
  const widths = sql.raw(WIDTHS.map((w) => `(${w})`).join(', '));
  const add = sql`
    insert into company_created_counts (partner_id, width, bucket, status, count)
      select new.partner_id, w.column1, new.created_at - new.created_at % w.column1, new.status, 1
      from (values ${widths}) w where new.search_text is not null
      on conflict (partner_id, width, bucket, status) do update set count = count + 1;`;
  // One statement per width: the bucket is then a constant for the key's seek.
  const remove = sql.join(
    WIDTHS.map(
      (w) => sql`
    update company_created_counts set count = count - 1
      where old.search_text is not null and partner_id = old.partner_id and width = ${sql.raw(String(w))}
        and bucket = old.created_at - old.created_at % ${sql.raw(String(w))} and status = old.status;`,
    ),
    sql` `,
  );
  // A token reserves its company before any form (search_text null): nothing to count, no statement run.
  await sql`create trigger company_created_counts_insert after insert on companies when new.search_text is not null begin ${add} end`.execute(db);
  await sql`create trigger company_created_counts_delete after delete on companies begin ${remove} end`.execute(db);
  await sql`
    create trigger company_created_counts_update after update of partner_id, status, created_at, search_text on companies
    when old.partner_id is not new.partner_id or old.status is not new.status or old.created_at is not new.created_at
      or (old.search_text is null) <> (new.search_text is null)
    begin ${remove} ${add} end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger company_created_counts_track on companies`.execute(db);
    await sql`drop function company_created_counts_track()`.execute(db);
  } else {
    for (const trigger of ['company_created_counts_insert', 'company_created_counts_delete', 'company_created_counts_update']) {
      await sql`drop trigger ${sql.id(trigger)}`.execute(db);
    }
  }
  await db.schema.dropTable('company_created_counts').execute();
}
