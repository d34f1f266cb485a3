import { Migration } from '@mikro-orm/migrations';

export class Migration20261124022451 extends Migration {

  override name = 'Migration20261124022451';

  override up(): void | Promise<void> {
    this.addSql(`create table "supplier" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(255) not null, "name" varchar(255) not null, "type" text not null, "status" text not null, "risk_tier" text not null, "country" varchar(2) not null, primary key ("id"));`);
    this.addSql(`create index "supplier_updated_at_index" on "supplier" ("updated_at");`);
    this.addSql(`alter table "supplier" add constraint "supplier_code_unique" unique ("code");`);

    this.addSql(`create table "sourcing_assignment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "product_id" uuid not null, "supplier_id" uuid not null, "role" text not null, "share_percent" double precision not null, primary key ("id"));`);
    this.addSql(`create index "sourcing_assignment_updated_at_index" on "sourcing_assignment" ("updated_at");`);
    this.addSql(`create index "sourcing_assignment_product_id_index" on "sourcing_assignment" ("product_id");`);
    this.addSql(`create index "sourcing_assignment_supplier_id_index" on "sourcing_assignment" ("supplier_id");`);
    this.addSql(`alter table "sourcing_assignment" add constraint "sourcing_assignment_product_id_supplier_id_unique" unique ("product_id", "supplier_id");`);

    this.addSql(`create table "sla" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "supplier_id" uuid not null, "otif_target" double precision not null, "ppm_target" double precision not null, "max_changeover_minutes" int not null, "max_response_hours" int not null, primary key ("id"));`);
    this.addSql(`create index "sla_updated_at_index" on "sla" ("updated_at");`);
    this.addSql(`alter table "sla" add constraint "sla_supplier_id_unique" unique ("supplier_id");`);

    this.addSql(`create table "facility" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "supplier_id" uuid not null, "name" varchar(255) not null, "country" varchar(2) not null, "region" varchar(255) not null, "nearshore" boolean not null, "capabilities" text[] not null, primary key ("id"));`);
    this.addSql(`create index "facility_updated_at_index" on "facility" ("updated_at");`);
    this.addSql(`create index "facility_supplier_id_index" on "facility" ("supplier_id");`);

    this.addSql(`create table "certification" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "supplier_id" uuid not null, "facility_id" uuid null, "standard" text not null, "number" varchar(255) not null, "issuer" varchar(255) not null, "valid_from" date not null, "valid_until" date not null, primary key ("id"));`);
    this.addSql(`create index "certification_updated_at_index" on "certification" ("updated_at");`);
    this.addSql(`create index "certification_supplier_id_index" on "certification" ("supplier_id");`);
    this.addSql(`create index "certification_valid_until_index" on "certification" ("valid_until");`);

    this.addSql(`create table "audit" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "supplier_id" uuid not null, "facility_id" uuid null, "kind" text not null, "audit_date" date not null, "auditor" varchar(255) not null, "major_findings" int not null, "minor_findings" int not null, "score" double precision not null, primary key ("id"));`);
    this.addSql(`create index "audit_updated_at_index" on "audit" ("updated_at");`);
    this.addSql(`create index "audit_supplier_id_index" on "audit" ("supplier_id");`);

    this.addSql(`alter table "supplier" add constraint "supplier_type_check" check ("type" in ('CM', 'COMPONENT', 'LOGISTICS'));`);
    this.addSql(`alter table "supplier" add constraint "supplier_status_check" check ("status" in ('PROSPECT', 'ONBOARDING', 'APPROVED', 'PROBATION', 'BLOCKED'));`);
    this.addSql(`alter table "supplier" add constraint "supplier_risk_tier_check" check ("risk_tier" in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL'));`);

    this.addSql(`alter table "sourcing_assignment" add constraint "sourcing_assignment_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id");`);
    this.addSql(`alter table "sourcing_assignment" add constraint "sourcing_assignment_role_check" check ("role" in ('PRIMARY', 'SECONDARY'));`);

    this.addSql(`alter table "sla" add constraint "sla_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id");`);

    this.addSql(`alter table "facility" add constraint "facility_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id");`);

    this.addSql(`alter table "certification" add constraint "certification_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id");`);
    this.addSql(`alter table "certification" add constraint "certification_facility_id_foreign" foreign key ("facility_id") references "facility" ("id") on delete set null;`);
    this.addSql(`alter table "certification" add constraint "certification_standard_check" check ("standard" in ('ISO_9001', 'IATF_16949', 'ISO_13485', 'ISO_14001', 'ISO_45001', 'ISO_50001', 'AS9100'));`);

    this.addSql(`alter table "audit" add constraint "audit_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id");`);
    this.addSql(`alter table "audit" add constraint "audit_facility_id_foreign" foreign key ("facility_id") references "facility" ("id") on delete set null;`);
    this.addSql(`alter table "audit" add constraint "audit_kind_check" check ("kind" in ('ANNOUNCED', 'UNANNOUNCED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "sourcing_assignment" drop constraint "sourcing_assignment_supplier_id_foreign";`);
    this.addSql(`alter table "sla" drop constraint "sla_supplier_id_foreign";`);
    this.addSql(`alter table "facility" drop constraint "facility_supplier_id_foreign";`);
    this.addSql(`alter table "certification" drop constraint "certification_supplier_id_foreign";`);
    this.addSql(`alter table "audit" drop constraint "audit_supplier_id_foreign";`);
    this.addSql(`alter table "certification" drop constraint "certification_facility_id_foreign";`);
    this.addSql(`alter table "audit" drop constraint "audit_facility_id_foreign";`);

    this.addSql(`drop table if exists "supplier" cascade;`);
    this.addSql(`drop table if exists "sourcing_assignment" cascade;`);
    this.addSql(`drop table if exists "sla" cascade;`);
    this.addSql(`drop table if exists "facility" cascade;`);
    this.addSql(`drop table if exists "certification" cascade;`);
    this.addSql(`drop table if exists "audit" cascade;`);
  }

}
