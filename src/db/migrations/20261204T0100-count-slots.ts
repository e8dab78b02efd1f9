import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
//
// PostgreSQL: the count rows the triggers keep (company_counts, company_created_counts) are few
// and every writer of a partner touches the same ones: each listed company created in a day adds
// to that day's bucket, each submit moves a company between two status rows. A row so written
// stays locked until its transaction commits, so a partner's writers queued on it one behind
// the other (docs/performance.md, twelfth session). Each key's count is now kept in up to 16
// rows (`slot`), chosen by the writing transaction's id; readers already sum the rows of a key.
// A transaction writes all its rows in one slot, still in key order, so two transactions still
// wait for each other instead of deadlocking. SQLite runs one writer at a time: nothing to
// spread, and nothing changes there (no application code names `slot`).
const WIDTHS = [1_000, 60_000, 3_600_000, 86_400_000, 2_764_800_000];
const SLOT = sql.raw('(txid_current() % 16)::smallint');

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`alter table company_counts add column slot smallint not null default 0`.execute(db);
  await sql`alter table company_counts drop constraint company_counts_pk,
    add constraint company_counts_pk primary key (partner_id, status, approval_status, risk_level, assigned_to, slot)`.execute(db);
  await sql`alter table company_created_counts add column slot smallint not null default 0`.execute(db);
  await sql`alter table company_created_counts drop constraint company_created_counts_pk,
    add constraint company_created_counts_pk primary key (partner_id, width, bucket, status, slot)`.execute(db);
  await sql`
    create or replace function company_counts_add(key text[], delta bigint) returns void language sql as $$
      insert into company_counts as c (partner_id, status, approval_status, risk_level, assigned_to, slot, count)
      values (key[1], key[2], key[3], key[4], key[5]::integer, ${SLOT}, delta)
      on conflict (partner_id, status, approval_status, risk_level, assigned_to, slot) do update set count = c.count + excluded.count
    $$`.execute(db);
  await createdCountsTrack(db, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create or replace function company_counts_add(key text[], delta bigint) returns void language sql as $$
      insert into company_counts as c (partner_id, status, approval_status, risk_level, assigned_to, count)
      values (key[1], key[2], key[3], key[4], key[5]::integer, delta)
      on conflict (partner_id, status, approval_status, risk_level, assigned_to) do update set count = c.count + excluded.count
    $$`.execute(db);
  await createdCountsTrack(db, false);
  // Each key's slots summed into slot 0, then the column dropped.
  for (const [table, key] of [
    ['company_counts', 'partner_id, status, approval_status, risk_level, assigned_to'],
    ['company_created_counts', 'partner_id, width, bucket, status'],
  ] as const) {
    const [t, k, pk] = [sql.raw(table), sql.raw(key), sql.raw(`${table}_pk`)];
    await sql`
      with moved as (delete from ${t} where slot <> 0 returning ${k}, count)
      insert into ${t} as c (${k}, slot, count) select ${k}, 0, sum(count) from moved group by ${k}
      on conflict (${k}, slot) do update set count = c.count + excluded.count`.execute(db);
    await sql`alter table ${t} drop constraint ${pk}, drop column slot, add constraint ${pk} primary key (${k})`.execute(db);
  }
}

/** company_created_counts' trigger function (migration 20261201T0100), writing in a slot or not. */
async function createdCountsTrack(db: Kysely<unknown>, slotted: boolean): Promise<void> {
  const widths = sql.raw(`array[${WIDTHS.join(', ')}]::bigint[]`);
  const [slotColumn, slotValue, slotKey] = slotted ? [sql.raw(', slot'), sql`, ${SLOT}`, sql.raw(', slot')] : [sql``, sql``, sql``];
  await sql`
    create or replace function company_created_counts_track() returns trigger language plpgsql as $$
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
      insert into company_created_counts as c (partner_id, width, bucket, status${slotColumn}, count)
        select k.partner_id, k.width, k.bucket, k.status${slotValue}, sum(k.delta)
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
        on conflict (partner_id, width, bucket, status${slotKey}) do update set count = c.count + excluded.count;
      return null;
    end
    $$`.execute(db);
}
