import { Migration } from '@mikro-orm/migrations';

export class Migration20261124050919 extends Migration {

  override name = 'Migration20261124050919';

  override up(): void | Promise<void> {
    this.addSql(`alter table "certification" add "expiry_notified_for" date null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "certification" drop column "expiry_notified_for";`);
  }

}
