import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

// Frozen in time: this file never imports application code.
//
// PostgreSQL's `q` at a million companies. The pg_trgm GIN index on companies found a common
// word's 190,000 candidates in 30 to 50 ms, and then each was rechecked in the companies heap
// (355 MB, past the default 128 MB of shared_buffers): most of a 260 to 390 ms count. Here the
// search moves to a narrow copy, company_search: per listed company its creation time, its
// partner's slot (an integer, in company_search_partitions as on SQLite), its status's band (a
// small integer, the same bands as SQLite's rowids below), its id and its folded text: 114 MB
// at a million companies, where a copy with the partner's id and every filter in text took
// 167 MB and read as slowly as companies once past shared_buffers. A search alone, within a
// status or a time range is counted, grouped by status and paged there; one combined with the
// other filters (approval status, risk level, assignee) is counted on companies, tested
// against the copy. A trigger keeps it in step with companies in every writer's transaction,
// as company_counts is kept.
//
// SQLite's status tabs for a search. Counting a common word's 190,000 matches per status looked
// each match up in company_search (one B-tree seek each: 250 ms). Now a company's search rowid
// carries its status: slot << 40 (the partner, 20261128T0700) plus its status's band << 36 plus
// a sequence, so a partner's matches in one status are one rowid range of the FTS index and the
// tabs are counted from the doclist alone. A status change moves the company to its new band
// (unindexed and indexed again, as a rename is); a status outside the bands below (none today)
// takes band 15, which the readers do not split.
const SLOT_BITS = 40;
const BAND_BITS = 36;
const BANDS = ['PENDING', 'PROCESSING', 'NEED_TO_PROCESS', 'NEED_TO_REVIEW', 'COMPLETED'];
const OTHER_BAND = 15;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return sqliteUp(db);
  await sql`drop trigger if exists company_search_track on companies`.execute(db);
  await sql`drop table if exists company_search`.execute(db);
  await sql`drop table if exists company_search_partitions`.execute(db);
  await sql`create table company_search_partitions (slot integer generated always as identity primary key, partner_id text not null unique)`.execute(db);
  // Fixed-width columns first: no padding between them.
  await sql`create table company_search (
    created_at bigint not null, slot integer not null, band smallint not null, company_id text primary key, search_text text not null)`.execute(db);

  // Only a change of a copied column writes the copy; a company leaving the list (its form
  // erased: search_text null) or deleted leaves it.
  await sql`
    create or replace function company_search_track() returns trigger language plpgsql as $$
    declare
      partner_slot integer;
    begin
      if tg_op = 'UPDATE' and (old.partner_id, old.created_at, old.status, old.search_text)
          is not distinct from (new.partner_id, new.created_at, new.status, new.search_text) then
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
      insert into company_search (created_at, slot, band, company_id, search_text)
        values (new.created_at, partner_slot, ${bandOf('new')}, new.id, new.search_text)
        on conflict (company_id) do update set created_at = excluded.created_at, slot = excluded.slot, band = excluded.band,
          search_text = excluded.search_text;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger company_search_track after insert or delete or update of partner_id, created_at, status, search_text
    on companies for each row execute function company_search_track()`.execute(db);

  // The copy, a partner's companies side by side in creation order; its indexes built after it
  // (one sort each rather than a million insertions).
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  await sql`insert into company_search_partitions (partner_id) select distinct partner_id from companies where search_text is not null order by partner_id`.execute(db);
  await sql`
    insert into company_search (created_at, slot, band, company_id, search_text)
    select c.created_at, p.slot, ${bandOf('c')}, c.id, c.search_text
    from companies c join company_search_partitions p on p.partner_id = c.partner_id
    where c.search_text is not null order by p.slot, c.created_at, c.id`.execute(db);
  await sql`create index company_search_created on company_search (slot, created_at, company_id)`.execute(db);
  // A search within a status walks this in list order.
  await sql`create index company_search_status on company_search (slot, band, created_at, company_id)`.execute(db);
  // The trigram index moves to the copy; without pg_trgm (see 20261127T1650) a search scans it.
  await sql`drop index if exists companies_search_trgm`.execute(db);
  const trgmSchema = await trgmSchemaOf(db);
  if (trgmSchema) await sql`create index company_search_trgm on company_search using gin (search_text ${sql.id(trgmSchema)}.gin_trgm_ops)`.execute(db);
  await sql`analyze company_search`.execute(db);
}

/** SQLite triggers: a company leaves company_search and its trigrams the FTS index. */
const unindex = sql`
    insert into company_search_fts (company_search_fts, rowid, search_text)
      select 'delete', rowid, old.search_text from company_search where company_id = old.id;
    delete from company_search where company_id = old.id;`;

/** The band of a status, in SQL (`row` is old, new or a table alias). */
function bandOf(row: string) {
  return sql.raw(`(case ${row}.status ${BANDS.map((status, band) => `when '${status}' then ${band}`).join(' ')} else ${OTHER_BAND} end)`);
}

async function sqliteUp(db: Kysely<unknown>): Promise<void> {
  const slotBits = sql.raw(String(SLOT_BITS));
  const bandBits = sql.raw(String(BAND_BITS));
  for (const trigger of ['company_search_insert', 'company_search_delete', 'company_search_update', 'company_search_filters']) {
    await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db);
  }
  // The same rows under banded rowids: the slot and the sequence kept, the band set (a sequence
  // stays far below 2^36; run twice, the same rowids), in a new table written in rowid order,
  // then the FTS index rebuilt.
  await renumber(db, sql`((s.rowid >> ${slotBits}) << ${slotBits}) + (${bandOf('s')} << ${bandBits}) + (s.rowid & ((1 << ${bandBits}) - 1))`);

  // The next rowid of the partner's band for the status: one seek to the band's end.
  const band = sql`(p.slot << ${slotBits}) + (${bandOf('new')} << ${bandBits})`;
  const index = sql`
    insert or ignore into company_search_partitions (partner_id) select new.partner_id where new.search_text is not null;
    insert into company_search (rowid, company_id, partner_id, created_at, status, approval_status, risk_level, assigned_to)
      select coalesce(
          (select s.rowid from company_search s where s.rowid >= ${band} and s.rowid < ${band} + (1 << ${bandBits}) order by s.rowid desc limit 1),
          ${band}) + 1,
        new.id, new.partner_id, new.created_at, new.status, new.approval_status, new.risk_level, new.assigned_to
      from company_search_partitions p where p.partner_id = new.partner_id and new.search_text is not null;
    insert into company_search_fts (rowid, search_text) select rowid, new.search_text from company_search where company_id = new.id and new.search_text is not null;`;
  await sql`create trigger company_search_insert after insert on companies begin ${index} end`.execute(db);
  await sql`create trigger company_search_delete after delete on companies begin ${unindex} end`.execute(db);
  // One trigger for every change that moves the rowid (two would unindex with stale text).
  await sql`create trigger company_search_update after update of search_text, partner_id, created_at, status on companies
    when old.search_text is not new.search_text or old.partner_id is not new.partner_id or old.created_at is not new.created_at or old.status is not new.status
    begin ${unindex} ${index} end`.execute(db);
  await sql`create trigger company_search_filters after update of approval_status, risk_level, assigned_to on companies
    when old.approval_status is not new.approval_status or old.risk_level is not new.risk_level or old.assigned_to is not new.assigned_to
    begin
      update company_search set approval_status = new.approval_status, risk_level = new.risk_level, assigned_to = new.assigned_to
        where company_id = new.id;
    end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return sqliteDown(db);
  await sql`drop trigger company_search_track on companies`.execute(db);
  await sql`drop function company_search_track()`.execute(db);
  await sql`drop table company_search`.execute(db);
  await sql`drop table company_search_partitions`.execute(db);
  const trgmSchema = await trgmSchemaOf(db);
  if (trgmSchema) {
    await sql`create index companies_search_trgm on companies using gin (search_text ${sql.id(trgmSchema)}.gin_trgm_ops) where search_text is not null`.execute(db);
  }
}

/** The rowids of 20261128T0700 back (slot << 40 plus the sequence) and its triggers. */
async function sqliteDown(db: Kysely<unknown>): Promise<void> {
  const slotBits = sql.raw(String(SLOT_BITS));
  for (const trigger of ['company_search_insert', 'company_search_delete', 'company_search_update', 'company_search_filters']) {
    await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db);
  }
  // Unbanded, two companies of a partner may share a sequence (one per band): renumbered.
  await renumber(db, sql`((s.rowid >> ${slotBits}) << ${slotBits}) + row_number() over (partition by s.rowid >> ${slotBits} order by s.created_at, s.company_id)`);
  const index = sql`
    insert or ignore into company_search_partitions (partner_id) select new.partner_id where new.search_text is not null;
    insert into company_search (rowid, company_id, partner_id, created_at, status, approval_status, risk_level, assigned_to)
      select coalesce(
          (select s.rowid from company_search s where s.rowid >= p.slot << ${slotBits} and s.rowid < (p.slot + 1) << ${slotBits} order by s.rowid desc limit 1),
          p.slot << ${slotBits}) + 1,
        new.id, new.partner_id, new.created_at, new.status, new.approval_status, new.risk_level, new.assigned_to
      from company_search_partitions p where p.partner_id = new.partner_id and new.search_text is not null;
    insert into company_search_fts (rowid, search_text) select rowid, new.search_text from company_search where company_id = new.id and new.search_text is not null;`;
  await sql`create trigger company_search_insert after insert on companies begin ${index} end`.execute(db);
  await sql`create trigger company_search_delete after delete on companies begin ${unindex} end`.execute(db);
  await sql`create trigger company_search_update after update of search_text, partner_id, created_at on companies
    when old.search_text is not new.search_text or old.partner_id is not new.partner_id or old.created_at is not new.created_at
    begin ${unindex} ${index} end`.execute(db);
  await sql`create trigger company_search_filters after update of status, approval_status, risk_level, assigned_to on companies
    when old.status is not new.status or old.approval_status is not new.approval_status or old.risk_level is not new.risk_level or old.assigned_to is not new.assigned_to
    begin
      update company_search set status = new.status, approval_status = new.approval_status, risk_level = new.risk_level, assigned_to = new.assigned_to
        where company_id = new.id;
    end`.execute(db);
}

/** Where pg_trgm is installed (see 20261127T1650), or undefined without it. */
async function trgmSchemaOf(db: Kysely<unknown>): Promise<string | undefined> {
  const found = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  return found.rows[0]?.schema;
}

/**
 * SQLite: company_search's rows under new rowids (`rowid`, an expression of the row `s`), in a
 * new table written in rowid order, then the FTS index rebuilt under them. The triggers are
 * dropped before.
 */
async function renumber(db: Kysely<unknown>, rowid: RawBuilder<unknown>): Promise<void> {
  await sql`drop table if exists company_search_renumbered`.execute(db);
  await sql`create table company_search_renumbered (
    rowid integer primary key, company_id text not null unique, partner_id text not null, created_at bigint not null,
    status text not null, approval_status text, risk_level text, assigned_to integer)`.execute(db);
  await sql`
    insert into company_search_renumbered (rowid, company_id, partner_id, created_at, status, approval_status, risk_level, assigned_to)
    select ${rowid}, s.company_id, s.partner_id, s.created_at, s.status, s.approval_status, s.risk_level, s.assigned_to
    from company_search s order by 1`.execute(db);
  await sql`drop table company_search`.execute(db);
  await sql`alter table company_search_renumbered rename to company_search`.execute(db);
  await sql`create index company_search_created on company_search (partner_id, created_at, company_id)`.execute(db);
  await sql`create index company_search_status on company_search (partner_id, status, created_at, company_id)`.execute(db);
  await sql`drop table company_search_fts`.execute(db);
  await sql`create virtual table company_search_fts using fts5(search_text, tokenize = 'trigram', content = '')`.execute(db);
  await sql`insert into company_search_fts (company_search_fts, rank) values ('secure-delete', 1)`.execute(db);
  await sql`insert into company_search_fts (rowid, search_text) select s.rowid, c.search_text from company_search s join companies c on c.id = s.company_id order by s.rowid`.execute(
    db,
  );
}
