import { Migration } from '@mikro-orm/migrations';

export class Migration20261124052800 extends Migration {

  override name = 'Migration20261124052800';

  override up(): void | Promise<void> {
    this.addSql(`create table "emissions_budget" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "supplier_id" uuid not null, "facility_id" uuid null, "period_start" date not null, "period_end" date not null, "scopes" smallint[] not null, "budget_kg" double precision not null, "exceeded_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "emissions_budget_updated_at_index" on "emissions_budget" ("updated_at");`);
    this.addSql(`create index "emissions_budget_supplier_id_period_start_index" on "emissions_budget" ("supplier_id", "period_start");`);
    this.addSql(`create index "emissions_budget_facility_id_period_start_index" on "emissions_budget" ("facility_id", "period_start");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "emissions_budget" cascade;`);
  }

}
