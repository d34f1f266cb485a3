// Partner scope columns. receipt.supplier_id is filled from what is known here: the supplier its
// `receipt.booked` event carried, else the one supplier of all its lines' lots (seeded receipts have no
// events). location.supplier_id cannot be: the facility's supplier lives in suppliers' database, so a
// location created at a facility before this migration stays hidden from partners until it is set.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261124081011 extends Migration {

  override name = 'Migration20261124081011';

  override up(): void | Promise<void> {
    this.addSql(`alter table "location" add "supplier_id" uuid null;`);
    this.addSql(`create index "location_supplier_id_index" on "location" ("supplier_id");`);

    this.addSql(`alter table "receipt" add "supplier_id" uuid null;`);
    this.addSql(`create index "receipt_supplier_id_index" on "receipt" ("supplier_id");`);

    this.addSql(`update "receipt" r set "supplier_id" = e."supplier_id" from "outbox_event" e
      where e."type" = 'receipt.booked' and e."subject_type" = 'Receipt' and e."subject_id" = r."id" and e."supplier_id" is not null;`);
    this.addSql(`update "receipt" r set "supplier_id" = s."supplier_id" from (
        select rl."receipt_id", (array_agg(distinct l."supplier_id"))[1] as "supplier_id"
        from "receipt_line" rl join "lot" l on l."id" = rl."lot_id"
        where l."supplier_id" is not null
        group by rl."receipt_id" having count(distinct l."supplier_id") = 1
      ) s
      where s."receipt_id" = r."id" and r."supplier_id" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "location_supplier_id_index";`);
    this.addSql(`alter table "location" drop column "supplier_id";`);

    this.addSql(`drop index "receipt_supplier_id_index";`);
    this.addSql(`alter table "receipt" drop column "supplier_id";`);
  }

}
