import { Migration } from '@mikro-orm/migrations';

export class Migration20261124051219 extends Migration {

  override name = 'Migration20261124051219';

  override up(): void | Promise<void> {
    this.addSql(`alter table "inspection" add "non_conformance_id" uuid null;`);
    this.addSql(`alter table "inspection" add constraint "inspection_non_conformance_id_foreign" foreign key ("non_conformance_id") references "non_conformance" ("id") on delete set null;`);
    this.addSql(`create index "inspection_non_conformance_id_index" on "inspection" ("non_conformance_id");`);

    this.addSql(`alter table "recall" add "supplier_ids" text[] not null default '{}';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "inspection" drop constraint "inspection_non_conformance_id_foreign";`);

    this.addSql(`drop index "inspection_non_conformance_id_index";`);
    this.addSql(`alter table "inspection" drop column "non_conformance_id";`);

    this.addSql(`alter table "recall" drop column "supplier_ids";`);
  }

}
