import { Migration } from '@mikro-orm/migrations';

export class Migration20261124114317 extends Migration {

  override name = 'Migration20261124114317';

  override up(): void | Promise<void> {
    this.addSql(`alter table "telemetry_reading" drop constraint "telemetry_reading_machine_id_foreign";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "telemetry_reading" add constraint "telemetry_reading_machine_id_foreign" foreign key ("machine_id") references "machine" ("id") on update no action on delete no action;`);
  }

}
