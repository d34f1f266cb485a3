import { Migration } from '@mikro-orm/migrations';

export class Migration20261124030751 extends Migration {

  override name = 'Migration20261124030751';

  override up(): void | Promise<void> {
    this.addSql(`alter table "supplier" alter column "status" set default 'PROSPECT';`);
    this.addSql(`alter table "supplier" alter column "risk_tier" set default 'MEDIUM';`);

    this.addSql(`alter table "audit" alter column "major_findings" set default 0;`);
    this.addSql(`alter table "audit" alter column "minor_findings" set default 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "audit" alter column "major_findings" drop default;`);
    this.addSql(`alter table "audit" alter column "minor_findings" drop default;`);

    this.addSql(`alter table "supplier" alter column "status" drop default;`);
    this.addSql(`alter table "supplier" alter column "risk_tier" drop default;`);
  }

}
