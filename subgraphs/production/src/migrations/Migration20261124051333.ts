import { Migration } from '@mikro-orm/migrations';

export class Migration20261124051333 extends Migration {

  override name = 'Migration20261124051333';

  override up(): void | Promise<void> {
    this.addSql(`drop index "alert_one_open_per_subject";`);
    this.addSql(`alter table "alert" add "supplier_id" uuid null;`);
    this.addSql(`create index "alert_supplier_id_index" on "alert" ("supplier_id");`);
    this.addSql(`create unique index "alert_one_open_per_subject_metric" on "alert" ("category", "subject_type", "subject_id", (coalesce("metric", ''))) where resolved_at is null;`);

    this.addSql(`alter table "material_consumption" add "location_id" uuid null;`);

    this.addSql(`alter table "work_order_output" add "location_id" uuid null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "alert_supplier_id_index";`);
    this.addSql(`drop index "alert_one_open_per_subject_metric";`);
    this.addSql(`alter table "alert" drop column "supplier_id";`);
    this.addSql(`create unique index "alert_one_open_per_subject" on "alert" ("category", "subject_type", "subject_id") where resolved_at IS NULL;`);

    this.addSql(`alter table "material_consumption" drop column "location_id";`);

    this.addSql(`alter table "work_order_output" drop column "location_id";`);
  }

}
