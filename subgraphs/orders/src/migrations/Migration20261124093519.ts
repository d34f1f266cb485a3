import { Migration } from '@mikro-orm/migrations';

// Delivery reports over a million lines: each line carries its supplier and the facility its goods come
// from (backfilled here for existing rows), indexed by supplier and promised date; the few inactive
// orders get a partial index for the anti-join that leaves their lines out; the planner learns how many
// months each supplier and facility spans.
export class Migration20261124093519 extends Migration {

  override name = 'Migration20261124093519';

  override up(): void | Promise<void> {
    this.addSql(`create index "purchase_order_inactive" on "purchase_order" ("id") where "status" in ('DRAFT', 'CANCELLED');`);

    this.addSql(`alter table "purchase_order_line" add "supplier_id" uuid null, add "ship_from_facility_id" uuid null;`);
    this.addSql(`update "purchase_order_line" pol set "supplier_id" = po."supplier_id" from "purchase_order" po where po."id" = pol."purchase_order_id";`);
    // the last delivery recorded (by delivery time), else the latest booking (UUIDv7 ids follow booking order)
    this.addSql(`update "purchase_order_line" pol set "ship_from_facility_id" = (
      select s."ship_from_facility_id" from "shipment_line" sl join "shipment" s on s."id" = sl."shipment_id"
      where sl."purchase_order_line_id" = pol."id" order by s."delivered_at" desc nulls last, s."id" desc limit 1
    ) where exists (select 1 from "shipment_line" sl where sl."purchase_order_line_id" = pol."id");`);
    this.addSql(`alter table "purchase_order_line" alter column "supplier_id" set not null;`);
    this.addSql(`create index "purchase_order_line_promised" on "purchase_order_line" ((coalesce("original_promised_date", "requested_date")));`);
    this.addSql(`create index "purchase_order_line_supplier_promised" on "purchase_order_line" ("supplier_id", (coalesce("original_promised_date", "requested_date")));`);
    // How many (supplier or facility, month) groups there are: without these the planner guesses 100,000
    // groups for a report by month and sorts a million lines to disk instead of hashing a thousand groups.
    // The month expression is the report's (report/delivery-report.query.ts), verbatim.
    for (const [name, column] of [['supplier', 'supplier_id'], ['facility', 'ship_from_facility_id']]) {
      this.addSql(`create statistics "purchase_order_line_${name}_month" (ndistinct) on "${column}", (date_trunc('month', coalesce("original_promised_date", "requested_date")::timestamp)) from "purchase_order_line";`);
    }
  }

  override down(): void | Promise<void> {
    this.addSql(`drop statistics if exists "purchase_order_line_supplier_month", "purchase_order_line_facility_month";`);
    this.addSql(`drop index "purchase_order_inactive";`);

    this.addSql(`drop index "purchase_order_line_promised";`);
    this.addSql(`drop index "purchase_order_line_supplier_promised";`);
    this.addSql(`alter table "purchase_order_line" drop column "supplier_id", drop column "ship_from_facility_id";`);
  }

}
