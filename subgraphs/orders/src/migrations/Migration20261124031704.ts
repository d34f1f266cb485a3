import { Migration } from '@mikro-orm/migrations';

export class Migration20261124031704 extends Migration {

  override name = 'Migration20261124031704';

  override up(): void | Promise<void> {
    this.addSql(`alter table "shipment" add "gross_weight_kg" double precision null, add "distance_km" double precision null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "shipment" drop column "gross_weight_kg", drop column "distance_km";`);
  }

}
