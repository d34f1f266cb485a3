import { Migration } from '@mikro-orm/migrations';

export class Migration20261124092059 extends Migration {

  override name = 'Migration20261124092059';

  override up(): void | Promise<void> {
    this.addSql(`create index "stock_movement_demand" on "stock_movement" ("product_id", "occurred_at") include ("from_location_id", "quantity") where type in ('ISSUE', 'CONSUME') and from_location_id is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "stock_movement_demand";`);
  }

}
