import { Migration } from '@mikro-orm/migrations';

export class Migration20261124090329 extends Migration {

  override name = 'Migration20261124090329';

  override up(): void | Promise<void> {
    this.addSql(`create index "non_conformance_opened_at_index" on "non_conformance" ("opened_at");`);

    this.addSql(`create index "inspection_inspected_at_index" on "inspection" ("inspected_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "inspection_inspected_at_index";`);

    this.addSql(`drop index "non_conformance_opened_at_index";`);
  }

}
