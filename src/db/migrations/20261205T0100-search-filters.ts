import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
//
// PostgreSQL: a search (`q`) combined with an approval status, a risk level or an assignee was
// counted on companies, each of a common word's 190,000 matches looked up in its 355 MB heap: a
// queue page of a common word with a risk level took 670 to 740 ms at 1,000,000 companies (the
// back office's limit is 300). company_search now carries those three filters as small
// integers, so such a search is counted, grouped by status and paged on the copy as a search
// within a status is. Codes: the position in the lists below (1-based), 0 for any other value,
// null for none; readers answer a value outside these lists on companies, as before. The
// columns stand before the text, so the rows stay aligned as they were: the copy is rebuilt
// (20 to 60 s at 1,000,000 companies) rather than altered. SQLite's copy has carried the
// filters as text since 20261128T0700: nothing changes there.
const RISK_LEVELS = ['VERY_LOW', 'LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH', 'NOT_CHECKED'];
const APPROVAL_STATUSES = ['APPROVED', 'DENIED'];
const BANDS = ['PENDING', 'PROCESSING', 'NEED_TO_PROCESS', 'NEED_TO_REVIEW', 'COMPLETED'];
const OTHER_BAND = 15;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop trigger company_search_track on companies`.execute(db);
  await sql`drop table if exists company_search_next`.execute(db);
  await sql`create table company_search_next (
    created_at bigint not null, slot integer not null, band smallint not null, risk smallint, approval smallint, assigned_to integer,
    company_id text primary key, search_text text not null)`.execute(db);
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  await sql`
    insert into company_search_next (created_at, slot, band, risk, approval, assigned_to, company_id, search_text)
    select c.created_at, p.slot, ${codeOf('c.status', BANDS, OTHER_BAND, 0)}, ${codeOf('c.risk_level', RISK_LEVELS)},
      ${codeOf('c.approval_status', APPROVAL_STATUSES)}, c.assigned_to, c.id, c.search_text
    from companies c join company_search_partitions p on p.partner_id = c.partner_id
    where c.search_text is not null order by p.slot, c.created_at, c.id`.execute(db);
  await sql`drop table company_search`.execute(db);
  await sql`alter table company_search_next rename to company_search`.execute(db);
  await sql`alter index company_search_next_pkey rename to company_search_pkey`.execute(db);
  await sql`create index company_search_created on company_search (slot, created_at, company_id)`.execute(db);
  await sql`create index company_search_status on company_search (slot, band, created_at, company_id)`.execute(db);
  const trgmSchema = await trgmSchemaOf(db);
  if (trgmSchema) await sql`create index company_search_trgm on company_search using gin (search_text ${sql.id(trgmSchema)}.gin_trgm_ops)`.execute(db);
  await track(db, true);
  await sql`analyze company_search`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop trigger company_search_track on companies`.execute(db);
  await sql`alter table company_search drop column risk, drop column approval, drop column assigned_to`.execute(db);
  await track(db, false);
}

/** The trigger that keeps the copy in step, with the filters' codes or (down) without. */
async function track(db: Kysely<unknown>, withFilters: boolean): Promise<void> {
  const copied = withFilters ? ', new.approval_status, new.risk_level, new.assigned_to' : '';
  const filterColumns = withFilters ? sql.raw(', risk, approval, assigned_to') : sql.raw('');
  const filterValues = withFilters
    ? sql`, ${codeOf('new.risk_level', RISK_LEVELS)}, ${codeOf('new.approval_status', APPROVAL_STATUSES)}, new.assigned_to`
    : sql``;
  const filterUpdates = withFilters ? sql.raw(', risk = excluded.risk, approval = excluded.approval, assigned_to = excluded.assigned_to') : sql.raw('');
  await sql`
    create or replace function company_search_track() returns trigger language plpgsql as $$
    declare
      partner_slot integer;
    begin
      if tg_op = 'UPDATE' and (old.partner_id, old.created_at, old.status, old.search_text${sql.raw(copied.replaceAll('new.', 'old.'))})
          is not distinct from (new.partner_id, new.created_at, new.status, new.search_text${sql.raw(copied)}) then
        return null;
      end if;
      if tg_op = 'DELETE' or new.search_text is null then
        if tg_op <> 'INSERT' then
          delete from company_search where company_id = old.id;
        end if;
        return null;
      end if;
      select slot into partner_slot from company_search_partitions where partner_id = new.partner_id;
      if partner_slot is null then
        insert into company_search_partitions (partner_id) values (new.partner_id) on conflict (partner_id) do nothing;
        select slot into partner_slot from company_search_partitions where partner_id = new.partner_id;
      end if;
      insert into company_search (created_at, slot, band${filterColumns}, company_id, search_text)
        values (new.created_at, partner_slot, ${codeOf('new.status', BANDS, OTHER_BAND, 0)}${filterValues}, new.id, new.search_text)
        on conflict (company_id) do update set created_at = excluded.created_at, slot = excluded.slot, band = excluded.band${filterUpdates},
          search_text = excluded.search_text;
      return null;
    end
    $$`.execute(db);
  const columns = withFilters ? ', approval_status, risk_level, assigned_to' : '';
  await sql`
    create trigger company_search_track after insert or delete or update of partner_id, created_at, status, search_text${sql.raw(columns)}
    on companies for each row execute function company_search_track()`.execute(db);
}

/**
 * A value's code in SQL: its position in `values` plus `base` (1-based by default), `other` for
 * any value not listed, null for null.
 */
function codeOf(column: string, values: string[], other = 0, base = 1) {
  const cases = values.map((value, i) => `when ${column} = '${value}' then ${i + base}`).join(' ');
  return sql.raw(`(case when ${column} is null then null ${cases} else ${other} end)`);
}

/** Where pg_trgm is installed (see 20261127T1650), or undefined without it. */
async function trgmSchemaOf(db: Kysely<unknown>): Promise<string | undefined> {
  const found = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  return found.rows[0]?.schema;
}
