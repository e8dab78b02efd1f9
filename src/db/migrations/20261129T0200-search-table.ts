import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
//
// PostgreSQL's `q` at a million companies. The pg_trgm GIN index on companies found a common
// word's 190,000 candidates in 50 ms, and then each was rechecked in the companies heap (355 MB,
// past the default 128 MB of shared_buffers): 350 ms of a 390 ms count. Here the search moves to
// a narrow copy, company_search, as SQLite has had since 20261127T1650: the company's id,
// partner, creation time, the list's filters on few values and the folded text, about a third
// of a companies row, written in the partner's creation order. A search is counted, grouped by
// status and paged there without reading companies. A trigger keeps it in step with companies
// in every writer's transaction, as company_counts is kept.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop trigger if exists company_search_track on companies`.execute(db);
  await sql`drop table if exists company_search`.execute(db);
  await sql`create table company_search (
    company_id text primary key, partner_id text not null, created_at bigint not null,
    status text not null, approval_status text, risk_level text, assigned_to integer, search_text text not null)`.execute(db);

  // Only a change of a copied column writes the copy; a company leaving the list (its form
  // erased: search_text null) or deleted leaves it.
  await sql`
    create or replace function company_search_track() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and (old.partner_id, old.created_at, old.status, old.approval_status, old.risk_level, old.assigned_to, old.search_text)
          is not distinct from (new.partner_id, new.created_at, new.status, new.approval_status, new.risk_level, new.assigned_to, new.search_text) then
        return null;
      end if;
      if tg_op = 'DELETE' or new.search_text is null then
        if tg_op <> 'INSERT' then
          delete from company_search where company_id = old.id;
        end if;
        return null;
      end if;
      insert into company_search (company_id, partner_id, created_at, status, approval_status, risk_level, assigned_to, search_text)
        values (new.id, new.partner_id, new.created_at, new.status, new.approval_status, new.risk_level, new.assigned_to, new.search_text)
        on conflict (company_id) do update set partner_id = excluded.partner_id, created_at = excluded.created_at, status = excluded.status,
          approval_status = excluded.approval_status, risk_level = excluded.risk_level, assigned_to = excluded.assigned_to,
          search_text = excluded.search_text;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger company_search_track after insert or delete or update of partner_id, created_at, status, approval_status, risk_level, assigned_to, search_text
    on companies for each row execute function company_search_track()`.execute(db);

  // The copy, a partner's companies side by side in creation order; its indexes built after it
  // (one sort each rather than a million insertions).
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  await sql`
    insert into company_search (company_id, partner_id, created_at, status, approval_status, risk_level, assigned_to, search_text)
    select id, partner_id, created_at, status, approval_status, risk_level, assigned_to, search_text
    from companies where search_text is not null order by partner_id, created_at, id`.execute(db);
  await sql`create index company_search_created on company_search (partner_id, created_at, company_id)`.execute(db);
  // A search within a status walks this in list order.
  await sql`create index company_search_status on company_search (partner_id, status, created_at, company_id)`.execute(db);
  // The trigram index moves to the copy; without pg_trgm (see 20261127T1650) a search scans it.
  await sql`drop index if exists companies_search_trgm`.execute(db);
  const found = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  const trgmSchema = found.rows[0]?.schema;
  if (trgmSchema) await sql`create index company_search_trgm on company_search using gin (search_text ${sql.id(trgmSchema)}.gin_trgm_ops)`.execute(db);
  await sql`analyze company_search`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop trigger company_search_track on companies`.execute(db);
  await sql`drop function company_search_track()`.execute(db);
  await sql`drop table company_search`.execute(db);
  const found = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  const trgmSchema = found.rows[0]?.schema;
  if (trgmSchema) {
    await sql`create index companies_search_trgm on companies using gin (search_text ${sql.id(trgmSchema)}.gin_trgm_ops) where search_text is not null`.execute(db);
  }
}
