import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
//
// SQLite's `q` at a million companies. Until now the trigram index answered rowids of every
// partner, so a count read each match's row to keep the partner's, and a page sorted all the
// matches by creation time. Here:
// - each partner owns a slot, and its companies' search rowids are slot << 40 plus a sequence:
//   a partner's matches are one rowid range of the FTS index, counted without reading a row;
// - company_search carries the list's filters (status, approval status, risk level, assignee),
//   kept by triggers like the rest, so a search combined with filters reads no `companies` row;
// - an index on (partner_id, created_at, company_id) lets a page walk in list order, and one
//   with the status before it does the same within a status.
// The FTS index is rebuilt with the new rowids (the old ones had no partner in them).
const SLOT_BITS = 40;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (const trigger of ['company_search_insert', 'company_search_delete', 'company_search_update']) await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  await sql`drop table company_search_fts`.execute(db);
  await sql`drop table company_search`.execute(db);

  await sql`create table company_search_partitions (slot integer primary key, partner_id text not null unique)`.execute(db);
  await sql`create table company_search (
    rowid integer primary key, company_id text not null unique, partner_id text not null, created_at bigint not null,
    status text not null, approval_status text, risk_level text, assigned_to integer)`.execute(db);
  await sql`create index company_search_created on company_search (partner_id, created_at, company_id)`.execute(db);
  // The queue counts a search per status: the status's companies in one index, tested against the matches.
  await sql`create index company_search_status on company_search (partner_id, status, created_at, company_id)`.execute(db);
  await sql`create virtual table company_search_fts using fts5(search_text, tokenize = 'trigram', content = '')`.execute(db);
  await sql`insert into company_search_fts (company_search_fts, rank) values ('secure-delete', 1)`.execute(db);

  const unindex = sql`
    insert into company_search_fts (company_search_fts, rowid, search_text)
      select 'delete', rowid, old.search_text from company_search where company_id = old.id;
    delete from company_search where company_id = old.id;`;
  // The next rowid of the partner's range: one seek to the range's end.
  const index = sql`
    insert or ignore into company_search_partitions (partner_id) select new.partner_id where new.search_text is not null;
    insert into company_search (rowid, company_id, partner_id, created_at, status, approval_status, risk_level, assigned_to)
      select coalesce(
          (select s.rowid from company_search s where s.rowid >= p.slot << ${sql.raw(String(SLOT_BITS))} and s.rowid < (p.slot + 1) << ${sql.raw(String(SLOT_BITS))} order by s.rowid desc limit 1),
          p.slot << ${sql.raw(String(SLOT_BITS))}) + 1,
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

  await sql`insert into company_search_partitions (partner_id) select distinct partner_id from companies where search_text is not null order by partner_id`.execute(db);
  await sql`
    insert into company_search (rowid, company_id, partner_id, created_at, status, approval_status, risk_level, assigned_to)
      select (p.slot << ${sql.raw(String(SLOT_BITS))}) + row_number() over (partition by c.partner_id order by c.created_at, c.id),
        c.id, c.partner_id, c.created_at, c.status, c.approval_status, c.risk_level, c.assigned_to
      from companies c join company_search_partitions p on p.partner_id = c.partner_id
      where c.search_text is not null`.execute(db);
  await sql`insert into company_search_fts (rowid, search_text) select s.rowid, c.search_text from company_search s join companies c on c.id = s.company_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (const trigger of ['company_search_insert', 'company_search_delete', 'company_search_update', 'company_search_filters']) {
    await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  }
  await sql`drop table company_search_fts`.execute(db);
  await sql`drop table company_search`.execute(db);
  await sql`drop table company_search_partitions`.execute(db);
  // The layout of 20261127T1650, rebuilt.
  await sql`create table company_search (rowid integer primary key, company_id text not null unique, partner_id text not null, created_at bigint not null)`.execute(db);
  await sql`create virtual table company_search_fts using fts5(search_text, tokenize = 'trigram', content = '')`.execute(db);
  await sql`insert into company_search_fts (company_search_fts, rank) values ('secure-delete', 1)`.execute(db);
  const unindex = sql`
    insert into company_search_fts (company_search_fts, rowid, search_text)
      select 'delete', rowid, old.search_text from company_search where company_id = old.id;
    delete from company_search where company_id = old.id;`;
  const index = sql`
    insert into company_search (company_id, partner_id, created_at) select new.id, new.partner_id, new.created_at where new.search_text is not null;
    insert into company_search_fts (rowid, search_text) select rowid, new.search_text from company_search where company_id = new.id and new.search_text is not null;`;
  await sql`create trigger company_search_insert after insert on companies begin ${index} end`.execute(db);
  await sql`create trigger company_search_delete after delete on companies begin ${unindex} end`.execute(db);
  await sql`create trigger company_search_update after update of search_text, partner_id, created_at on companies
    when old.search_text is not new.search_text or old.partner_id is not new.partner_id or old.created_at is not new.created_at
    begin ${unindex} ${index} end`.execute(db);
  await sql`insert into company_search (company_id, partner_id, created_at) select id, partner_id, created_at from companies where search_text is not null`.execute(db);
  await sql`insert into company_search_fts (rowid, search_text) select s.rowid, c.search_text from company_search s join companies c on c.id = s.company_id`.execute(db);
}
