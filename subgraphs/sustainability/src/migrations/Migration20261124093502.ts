// Rollups of activity and output records (src/rollup): the tables, the triggers that keep them (declared on
// the entities too, so the comparator keeps them), TRUNCATE triggers (written here only: information_schema
// does not list TRUNCATE triggers), and the sums of the rows already there.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261124093502 extends Migration {

  override name = 'Migration20261124093502';

  override up(): void | Promise<void> {
    this.addSql(`create table "activity_rollup" ("facility_id" uuid not null, "supplier_id" uuid not null, "period_start" date not null, "period_end" date not null, "scope" smallint not null, "scope3_category" smallint not null, "is_primary" boolean not null, "kg_co2e" double precision not null, "records" int not null, "updated_at" timestamptz not null, primary key ("facility_id", "supplier_id", "period_start", "period_end", "scope", "scope3_category", "is_primary"));`);
    this.addSql(`create index "activity_rollup_supplier_id_period_start_index" on "activity_rollup" ("supplier_id", "period_start");`);

    this.addSql(`create table "output_rollup" ("facility_id" uuid not null, "supplier_id" uuid not null, "period_start" date not null, "period_end" date not null, "good_units" double precision not null, "records" int not null, "updated_at" timestamptz not null, primary key ("facility_id", "supplier_id", "period_start", "period_end"));`);
    this.addSql(`create index "output_rollup_supplier_id_period_start_index" on "output_rollup" ("supplier_id", "period_start");`);

    this.addSql(`create or replace function "activity_record_rollup_insert_fn"() returns trigger as \$\$ begin insert into activity_rollup as t (facility_id, supplier_id, period_start, period_end, scope, scope3_category, is_primary, kg_co2e, records, updated_at) select facility_id, supplier_id, period_start, period_end, scope, coalesce(scope3_category, 0), data_quality = 'PRIMARY', sum(kg_co2e), count(*), max(updated_at) from added group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7 on conflict (facility_id, supplier_id, period_start, period_end, scope, scope3_category, is_primary) do update set kg_co2e = t.kg_co2e + excluded.kg_co2e, records = t.records + excluded.records, updated_at = greatest(t.updated_at, excluded.updated_at); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "rollup_insert" after insert on "activity_record" referencing new table as added for each statement execute function "activity_record_rollup_insert_fn"();`);
    this.addSql(`create or replace function "activity_record_rollup_update_fn"() returns trigger as \$\$ begin update activity_rollup t set kg_co2e = t.kg_co2e - d.kg_co2e, records = t.records - d.records, updated_at = greatest(t.updated_at, now()) from (select facility_id as facility_id, supplier_id as supplier_id, period_start as period_start, period_end as period_end, scope as scope, coalesce(scope3_category, 0) as scope3_category, data_quality = 'PRIMARY' as is_primary, sum(kg_co2e) as kg_co2e, count(*) as records from removed group by 1, 2, 3, 4, 5, 6, 7) d where t.facility_id = d.facility_id and t.supplier_id = d.supplier_id and t.period_start = d.period_start and t.period_end = d.period_end and t.scope = d.scope and t.scope3_category = d.scope3_category and t.is_primary = d.is_primary; delete from activity_rollup t where t.records <= 0; insert into activity_rollup as t (facility_id, supplier_id, period_start, period_end, scope, scope3_category, is_primary, kg_co2e, records, updated_at) select facility_id, supplier_id, period_start, period_end, scope, coalesce(scope3_category, 0), data_quality = 'PRIMARY', sum(kg_co2e), count(*), max(updated_at) from added group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7 on conflict (facility_id, supplier_id, period_start, period_end, scope, scope3_category, is_primary) do update set kg_co2e = t.kg_co2e + excluded.kg_co2e, records = t.records + excluded.records, updated_at = greatest(t.updated_at, excluded.updated_at); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "rollup_update" after update on "activity_record" referencing old table as removed new table as added for each statement execute function "activity_record_rollup_update_fn"();`);
    this.addSql(`create or replace function "activity_record_rollup_delete_fn"() returns trigger as \$\$ begin update activity_rollup t set kg_co2e = t.kg_co2e - d.kg_co2e, records = t.records - d.records, updated_at = greatest(t.updated_at, now()) from (select facility_id as facility_id, supplier_id as supplier_id, period_start as period_start, period_end as period_end, scope as scope, coalesce(scope3_category, 0) as scope3_category, data_quality = 'PRIMARY' as is_primary, sum(kg_co2e) as kg_co2e, count(*) as records from removed group by 1, 2, 3, 4, 5, 6, 7) d where t.facility_id = d.facility_id and t.supplier_id = d.supplier_id and t.period_start = d.period_start and t.period_end = d.period_end and t.scope = d.scope and t.scope3_category = d.scope3_category and t.is_primary = d.is_primary; delete from activity_rollup t where t.records <= 0; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "rollup_delete" after delete on "activity_record" referencing old table as removed for each statement execute function "activity_record_rollup_delete_fn"();`);

    this.addSql(`create or replace function "production_output_record_rollup_insert_fn"() returns trigger as \$\$ begin insert into output_rollup as t (facility_id, supplier_id, period_start, period_end, good_units, records, updated_at) select facility_id, supplier_id, period_start, period_end, sum(good_units), count(*), max(updated_at) from added group by 1, 2, 3, 4 order by 1, 2, 3, 4 on conflict (facility_id, supplier_id, period_start, period_end) do update set good_units = t.good_units + excluded.good_units, records = t.records + excluded.records, updated_at = greatest(t.updated_at, excluded.updated_at); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "rollup_insert" after insert on "production_output_record" referencing new table as added for each statement execute function "production_output_record_rollup_insert_fn"();`);
    this.addSql(`create or replace function "production_output_record_rollup_update_fn"() returns trigger as \$\$ begin update output_rollup t set good_units = t.good_units - d.good_units, records = t.records - d.records, updated_at = greatest(t.updated_at, now()) from (select facility_id as facility_id, supplier_id as supplier_id, period_start as period_start, period_end as period_end, sum(good_units) as good_units, count(*) as records from removed group by 1, 2, 3, 4) d where t.facility_id = d.facility_id and t.supplier_id = d.supplier_id and t.period_start = d.period_start and t.period_end = d.period_end; delete from output_rollup t where t.records <= 0; insert into output_rollup as t (facility_id, supplier_id, period_start, period_end, good_units, records, updated_at) select facility_id, supplier_id, period_start, period_end, sum(good_units), count(*), max(updated_at) from added group by 1, 2, 3, 4 order by 1, 2, 3, 4 on conflict (facility_id, supplier_id, period_start, period_end) do update set good_units = t.good_units + excluded.good_units, records = t.records + excluded.records, updated_at = greatest(t.updated_at, excluded.updated_at); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "rollup_update" after update on "production_output_record" referencing old table as removed new table as added for each statement execute function "production_output_record_rollup_update_fn"();`);
    this.addSql(`create or replace function "production_output_record_rollup_delete_fn"() returns trigger as \$\$ begin update output_rollup t set good_units = t.good_units - d.good_units, records = t.records - d.records, updated_at = greatest(t.updated_at, now()) from (select facility_id as facility_id, supplier_id as supplier_id, period_start as period_start, period_end as period_end, sum(good_units) as good_units, count(*) as records from removed group by 1, 2, 3, 4) d where t.facility_id = d.facility_id and t.supplier_id = d.supplier_id and t.period_start = d.period_start and t.period_end = d.period_end; delete from output_rollup t where t.records <= 0; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "rollup_delete" after delete on "production_output_record" referencing old table as removed for each statement execute function "production_output_record_rollup_delete_fn"();`);

    for (const [table, rollup] of [['activity_record', 'activity_rollup'], ['production_output_record', 'output_rollup']]) {
      this.addSql(`create function "${table}_rollup_truncate_fn"() returns trigger as \$\$ begin delete from ${rollup}; return null; end; \$\$ language plpgsql;`);
      this.addSql(`create trigger "rollup_truncate" after truncate on "${table}" for each statement execute function "${table}_rollup_truncate_fn"();`);
    }

    this.addSql(`insert into activity_rollup (facility_id, supplier_id, period_start, period_end, scope, scope3_category, is_primary, kg_co2e, records, updated_at) select facility_id, supplier_id, period_start, period_end, scope, coalesce(scope3_category, 0), data_quality = 'PRIMARY', sum(kg_co2e), count(*), max(updated_at) from activity_record group by 1, 2, 3, 4, 5, 6, 7;`);
    this.addSql(`insert into output_rollup (facility_id, supplier_id, period_start, period_end, good_units, records, updated_at) select facility_id, supplier_id, period_start, period_end, sum(good_units), count(*), max(updated_at) from production_output_record group by 1, 2, 3, 4;`);
  }

  override down(): void | Promise<void> {
    for (const table of ['activity_record', 'production_output_record']) {
      this.addSql(`drop trigger if exists "rollup_truncate" on "${table}";`);
      this.addSql(`drop function if exists "${table}_rollup_truncate_fn"();`);
    }
    this.addSql(`drop table if exists "activity_rollup" cascade;`);
    this.addSql(`drop table if exists "output_rollup" cascade;`);

    this.addSql(`drop trigger if exists "rollup_insert" on "activity_record";`);
    this.addSql(`drop function if exists "activity_record_rollup_insert_fn"();`);
    this.addSql(`drop trigger if exists "rollup_update" on "activity_record";`);
    this.addSql(`drop function if exists "activity_record_rollup_update_fn"();`);
    this.addSql(`drop trigger if exists "rollup_delete" on "activity_record";`);
    this.addSql(`drop function if exists "activity_record_rollup_delete_fn"();`);

    this.addSql(`drop trigger if exists "rollup_insert" on "production_output_record";`);
    this.addSql(`drop function if exists "production_output_record_rollup_insert_fn"();`);
    this.addSql(`drop trigger if exists "rollup_update" on "production_output_record";`);
    this.addSql(`drop function if exists "production_output_record_rollup_update_fn"();`);
    this.addSql(`drop trigger if exists "rollup_delete" on "production_output_record";`);
    this.addSql(`drop function if exists "production_output_record_rollup_delete_fn"();`);
  }

}
