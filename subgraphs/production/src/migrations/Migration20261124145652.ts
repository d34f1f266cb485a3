import { Migration } from '@mikro-orm/migrations';

export class Migration20261124145652 extends Migration {

  override name = 'Migration20261124145652';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function "machine_keeps_its_readings_fn"() returns trigger as \$\$ begin if (tg_op = 'DELETE' or new.id <> old.id) and exists (select 1 from telemetry_reading where machine_id = old.id) then raise exception 'machine % has telemetry readings', old.id using errcode = 'foreign_key_violation'; end if; if tg_op = 'DELETE' then return old; end if; return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "keeps_its_readings" BEFORE DELETE OR UPDATE on "machine" for each ROW execute function "machine_keeps_its_readings_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "keeps_its_readings" on "machine";`);
    this.addSql(`drop function if exists "machine_keeps_its_readings_fn"();`);
  }

}
