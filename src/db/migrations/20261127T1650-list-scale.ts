import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
//
// The company list at a million rows: exact counts without counting, and `q` through a real
// substring index. Both are kept by triggers on `companies`, so every writer (verbs, jobs, a
// future one, a manual UPDATE) keeps them exact in its own transaction without knowing.
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  // The number of listed companies (search_text is not null: the form exists and is not erased)
  // per partner and per combination of the list's filters on few values. A missing approval
  // status or risk level is '' and no manager is 0 (manager ids start at 1), so the key has no
  // NULL (a NULL is distinct from itself in a unique key).
  await db.schema
    .createTable('company_counts')
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('approval_status', 'text', (c) => c.notNull())
    .addColumn('risk_level', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'integer', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('company_counts_pk', ['partner_id', 'status', 'approval_status', 'risk_level', 'assigned_to'])
    .execute();

  if (isPostgres) await postgresUp(db);
  else await sqliteUp(db);

  await sql`
    insert into company_counts (partner_id, status, approval_status, risk_level, assigned_to, count)
    select partner_id, status, coalesce(approval_status, ''), coalesce(risk_level, ''), coalesce(assigned_to, 0), count(*)
    from companies where search_text is not null
    group by partner_id, status, coalesce(approval_status, ''), coalesce(risk_level, ''), coalesce(assigned_to, 0)`.execute(db);
}

async function postgresUp(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function company_counts_add(key text[], delta bigint) returns void language sql as $$
      insert into company_counts as c (partner_id, status, approval_status, risk_level, assigned_to, count)
      values (key[1], key[2], key[3], key[4], key[5]::integer, delta)
      on conflict (partner_id, status, approval_status, risk_level, assigned_to) do update set count = c.count + excluded.count
    $$`.execute(db);
  // A company moving from one key to another touches two count rows, each locked until commit.
  // They are always taken in key order, so two transactions moving companies in opposite
  // directions wait for each other instead of deadlocking.
  await sql`
    create function company_counts_track() returns trigger language plpgsql as $$
    declare
      old_key text[];
      new_key text[];
    begin
      if tg_op <> 'INSERT' then
        if old.search_text is not null then
          old_key := array[old.partner_id, old.status, coalesce(old.approval_status, ''), coalesce(old.risk_level, ''), coalesce(old.assigned_to, 0)::text];
        end if;
      end if;
      if tg_op <> 'DELETE' then
        if new.search_text is not null then
          new_key := array[new.partner_id, new.status, coalesce(new.approval_status, ''), coalesce(new.risk_level, ''), coalesce(new.assigned_to, 0)::text];
        end if;
      end if;
      if old_key is not distinct from new_key then
        return null;
      end if;
      if new_key is null or (old_key is not null and old_key < new_key) then
        perform company_counts_add(old_key, -1);
        if new_key is not null then perform company_counts_add(new_key, 1); end if;
      else
        perform company_counts_add(new_key, 1);
        if old_key is not null then perform company_counts_add(old_key, -1); end if;
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger company_counts_track after insert or delete or update of partner_id, status, approval_status, risk_level, assigned_to, search_text
    on companies for each row execute function company_counts_track()`.execute(db);

  // pg_trgm is a trusted extension shipped with PostgreSQL, installed once per database in
  // `public` (never in a schema that may be dropped with everything in it). Without it (a
  // server without contrib, or no right to create it) `q` still works, by scanning.
  await sql`select pg_advisory_xact_lock(7246031650)`.execute(db);
  await sql`savepoint pg_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    await sql`release savepoint pg_trgm`.execute(db);
  } catch {
    await sql`rollback to savepoint pg_trgm`.execute(db);
  }
  const found = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  const trgmSchema = found.rows[0]?.schema;
  if (trgmSchema) {
    await sql`create index companies_search_trgm on companies using gin (search_text ${sql.id(trgmSchema)}.gin_trgm_ops) where search_text is not null`.execute(db);
  }
}

async function sqliteUp(db: Kysely<unknown>): Promise<void> {
  const listed = (row: 'old' | 'new') => sql.raw(`${row}.partner_id, ${row}.status, coalesce(${row}.approval_status, ''), coalesce(${row}.risk_level, ''), coalesce(${row}.assigned_to, 0)`);
  const add = (row: 'new') => sql`
    insert into company_counts (partner_id, status, approval_status, risk_level, assigned_to, count)
    select ${listed(row)}, 1 where new.search_text is not null
    on conflict (partner_id, status, approval_status, risk_level, assigned_to) do update set count = count + 1;`;
  const remove = sql`
    update company_counts set count = count - 1
    where old.search_text is not null and partner_id = old.partner_id and status = old.status
      and approval_status = coalesce(old.approval_status, '') and risk_level = coalesce(old.risk_level, '')
      and assigned_to = coalesce(old.assigned_to, 0);`;
  await sql`create trigger company_counts_insert after insert on companies begin ${add('new')} end`.execute(db);
  await sql`create trigger company_counts_delete after delete on companies begin ${remove} end`.execute(db);
  await sql`
    create trigger company_counts_update after update of partner_id, status, approval_status, risk_level, assigned_to, search_text on companies
    when old.partner_id is not new.partner_id or old.status is not new.status or old.approval_status is not new.approval_status
      or old.risk_level is not new.risk_level or old.assigned_to is not new.assigned_to or (old.search_text is null) <> (new.search_text is null)
    begin ${remove} ${add('new')} end`.execute(db);

  // `q`: an FTS5 index of trigrams (substrings of three characters and more). FTS5 wants an
  // integer rowid, and companies' implicit rowid may change on VACUUM, so company_search gives
  // every listed company a stable one, with its partner and creation time so that a search
  // alone is counted and paged without reading companies. The FTS table is contentless (it
  // answers rowids only) and secure-delete: an erased company's trigrams are removed from the
  // index itself, not hidden behind a tombstone, so its name cannot be rebuilt from the file.
  await sql`create table company_search (rowid integer primary key, company_id text not null unique, partner_id text not null, created_at bigint not null)`.execute(db);
  await sql`create virtual table company_search_fts using fts5(search_text, tokenize = 'trigram', content = '')`.execute(db);
  await sql`insert into company_search_fts (company_search_fts, rank) values ('secure-delete', 1)`.execute(db);
  const unindex = (row: 'old') => sql`
    insert into company_search_fts (company_search_fts, rowid, search_text)
      select 'delete', rowid, ${sql.raw(row)}.search_text from company_search where company_id = ${sql.raw(row)}.id;
    delete from company_search where company_id = ${sql.raw(row)}.id;`;
  const index = sql`
    insert into company_search (company_id, partner_id, created_at) select new.id, new.partner_id, new.created_at where new.search_text is not null;
    insert into company_search_fts (rowid, search_text) select rowid, new.search_text from company_search where company_id = new.id and new.search_text is not null;`;
  await sql`create trigger company_search_insert after insert on companies begin ${index} end`.execute(db);
  await sql`create trigger company_search_delete after delete on companies begin ${unindex('old')} end`.execute(db);
  await sql`create trigger company_search_update after update of search_text, partner_id, created_at on companies
    when old.search_text is not new.search_text or old.partner_id is not new.partner_id or old.created_at is not new.created_at
    begin ${unindex('old')} ${index} end`.execute(db);
  await sql`insert into company_search (company_id, partner_id, created_at) select id, partner_id, created_at from companies where search_text is not null`.execute(db);
  await sql`insert into company_search_fts (rowid, search_text) select s.rowid, c.search_text from company_search s join companies c on c.id = s.company_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop index if exists companies_search_trgm`.execute(db);
    await sql`drop trigger company_counts_track on companies`.execute(db);
    await sql`drop function company_counts_track()`.execute(db);
    await sql`drop function company_counts_add(text[], bigint)`.execute(db);
  } else {
    for (const trigger of ['company_counts_insert', 'company_counts_delete', 'company_counts_update', 'company_search_insert', 'company_search_delete', 'company_search_update']) {
      await sql`drop trigger ${sql.id(trigger)}`.execute(db);
    }
    await sql`drop table company_search_fts`.execute(db);
    await sql`drop table company_search`.execute(db);
  }
  await db.schema.dropTable('company_counts').execute();
}
