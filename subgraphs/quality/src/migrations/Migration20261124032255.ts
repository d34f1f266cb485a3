import { Migration } from '@mikro-orm/migrations';

export class Migration20261124032255 extends Migration {

  override name = 'Migration20261124032255';

  override up(): void | Promise<void> {
    this.addSql(`create table "corrective_action" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "number" varchar(20) not null, "title" varchar(255) not null, "supplier_id" uuid not null, "owner" varchar(255) not null, "due_date" date not null, "status" text not null default 'OPEN', "closed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "corrective_action_updated_at_index" on "corrective_action" ("updated_at");`);
    this.addSql(`alter table "corrective_action" add constraint "corrective_action_number_unique" unique ("number");`);
    this.addSql(`create index "corrective_action_supplier_id_index" on "corrective_action" ("supplier_id");`);
    this.addSql(`create index "corrective_action_due_date_index" on "corrective_action" ("due_date");`);
    this.addSql(`create index "corrective_action_status_index" on "corrective_action" ("status");`);

    this.addSql(`create table "corrective_action_step" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "corrective_action_id" uuid not null, "step" smallint not null, "title" varchar(255) not null, "text" text null, "completed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "corrective_action_step_updated_at_index" on "corrective_action_step" ("updated_at");`);
    this.addSql(`alter table "corrective_action_step" add constraint "corrective_action_step_corrective_action_id_step_unique" unique ("corrective_action_id", "step");`);

    this.addSql(`create table "defect_code" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(20) not null, "description" varchar(255) not null, "category" text not null, primary key ("id"));`);
    this.addSql(`create index "defect_code_updated_at_index" on "defect_code" ("updated_at");`);
    this.addSql(`alter table "defect_code" add constraint "defect_code_code_unique" unique ("code");`);

    this.addSql(`create table "document_counter" ("kind" text not null, "last_value" int not null, primary key ("kind"));`);

    this.addSql(`create table "inspection_plan" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "product_id" uuid not null, "trigger" text not null, "version" int not null, "active" boolean not null default true, "sampling_method" text not null, "aql" double precision null, "sample_percent" double precision null, primary key ("id"));`);
    this.addSql(`create index "inspection_plan_updated_at_index" on "inspection_plan" ("updated_at");`);
    this.addSql(`alter table "inspection_plan" add constraint "inspection_plan_product_id_trigger_version_unique" unique ("product_id", "trigger", "version");`);

    this.addSql(`create table "inspection_characteristic" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "plan_id" uuid not null, "name" varchar(255) not null, "nominal" double precision null, "lower_limit" double precision null, "upper_limit" double precision null, "unit" varchar(10) not null, primary key ("id"));`);
    this.addSql(`create index "inspection_characteristic_updated_at_index" on "inspection_characteristic" ("updated_at");`);
    this.addSql(`alter table "inspection_characteristic" add constraint "inspection_characteristic_plan_id_name_unique" unique ("plan_id", "name");`);

    this.addSql(`create table "inspection" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "plan_id" uuid not null, "trigger" text not null, "lot_id" uuid not null, "product_id" uuid not null, "supplier_id" uuid null, "receipt_id" uuid null, "work_order_id" uuid null, "shipment_id" uuid null, "lot_size" double precision not null, "sample_size" int not null, "acceptance_number" int not null, "quantity_inspected" double precision not null, "quantity_rejected" double precision not null, "result" text not null, "first_pass" boolean not null, "inspected_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "inspection_updated_at_index" on "inspection" ("updated_at");`);
    this.addSql(`create index "inspection_plan_id_index" on "inspection" ("plan_id");`);
    this.addSql(`create index "inspection_receipt_id_index" on "inspection" ("receipt_id");`);
    this.addSql(`create index "inspection_work_order_id_index" on "inspection" ("work_order_id");`);
    this.addSql(`create index "inspection_shipment_id_index" on "inspection" ("shipment_id");`);
    this.addSql(`create index "inspection_lot_id_plan_id_index" on "inspection" ("lot_id", "plan_id");`);
    this.addSql(`create index "inspection_product_id_inspected_at_index" on "inspection" ("product_id", "inspected_at");`);
    this.addSql(`create index "inspection_supplier_id_inspected_at_index" on "inspection" ("supplier_id", "inspected_at");`);

    this.addSql(`create table "inspection_reading" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "inspection_id" uuid not null, "characteristic_id" uuid not null, "value" double precision not null, "unit" varchar(10) not null, "value_in_characteristic_unit" double precision not null, "within_limits" boolean not null, primary key ("id"));`);
    this.addSql(`create index "inspection_reading_updated_at_index" on "inspection_reading" ("updated_at");`);
    this.addSql(`create index "inspection_reading_inspection_id_index" on "inspection_reading" ("inspection_id");`);
    this.addSql(`create index "inspection_reading_characteristic_id_index" on "inspection_reading" ("characteristic_id");`);

    this.addSql(`create table "non_conformance" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "number" varchar(20) not null, "lot_id" uuid not null, "product_id" uuid not null, "supplier_id" uuid null, "inspection_id" uuid null, "defect_code_id" uuid null, "quantity" double precision not null, "severity" text not null, "status" text not null default 'OPEN', "description" text null, "disposition" text null, "dispositioned_by" text null, "dispositioned_at" timestamptz null, "root_cause" text null, "opened_at" timestamptz not null, "closed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "non_conformance_updated_at_index" on "non_conformance" ("updated_at");`);
    this.addSql(`alter table "non_conformance" add constraint "non_conformance_number_unique" unique ("number");`);
    this.addSql(`create index "non_conformance_lot_id_index" on "non_conformance" ("lot_id");`);
    this.addSql(`create index "non_conformance_product_id_index" on "non_conformance" ("product_id");`);
    this.addSql(`create index "non_conformance_inspection_id_index" on "non_conformance" ("inspection_id");`);
    this.addSql(`create index "non_conformance_defect_code_id_index" on "non_conformance" ("defect_code_id");`);
    this.addSql(`create index "non_conformance_status_index" on "non_conformance" ("status");`);
    this.addSql(`create index "non_conformance_supplier_id_status_index" on "non_conformance" ("supplier_id", "status");`);

    this.addSql(`create table "corrective_action_non_conformance" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "corrective_action_id" uuid not null, "non_conformance_id" uuid not null, primary key ("id"));`);
    this.addSql(`create index "corrective_action_non_conformance_updated_at_index" on "corrective_action_non_conformance" ("updated_at");`);
    this.addSql(`create index "corrective_action_non_conformance_non_conformance_id_index" on "corrective_action_non_conformance" ("non_conformance_id");`);
    this.addSql(`alter table "corrective_action_non_conformance" add constraint "corrective_action_non_conformance_corrective_acti_3b34c_unique" unique ("corrective_action_id", "non_conformance_id");`);

    this.addSql(`create table "recall" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "number" varchar(20) not null, "reason" text not null, "root_lot_ids" text[] not null, "status" text not null default 'INITIATED', "initiated_at" timestamptz not null, "completed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "recall_updated_at_index" on "recall" ("updated_at");`);
    this.addSql(`alter table "recall" add constraint "recall_number_unique" unique ("number");`);
    this.addSql(`create index "recall_status_index" on "recall" ("status");`);

    this.addSql(`alter table "corrective_action" add constraint "corrective_action_status_check" check ("status" in ('OPEN', 'IN_PROGRESS', 'VERIFIED', 'CLOSED'));`);

    this.addSql(`alter table "corrective_action_step" add constraint "corrective_action_step_corrective_action_id_foreign" foreign key ("corrective_action_id") references "corrective_action" ("id");`);

    this.addSql(`alter table "defect_code" add constraint "defect_code_category_check" check ("category" in ('DIMENSIONAL', 'COSMETIC', 'FUNCTIONAL', 'MATERIAL', 'PACKAGING', 'DOCUMENTATION'));`);

    this.addSql(`alter table "inspection_plan" add constraint "inspection_plan_trigger_check" check ("trigger" in ('INCOMING', 'IN_PROCESS', 'FINAL'));`);
    this.addSql(`alter table "inspection_plan" add constraint "inspection_plan_sampling_method_check" check ("sampling_method" in ('AQL', 'PERCENT'));`);

    this.addSql(`alter table "inspection_characteristic" add constraint "inspection_characteristic_plan_id_foreign" foreign key ("plan_id") references "inspection_plan" ("id");`);

    this.addSql(`alter table "inspection" add constraint "inspection_plan_id_foreign" foreign key ("plan_id") references "inspection_plan" ("id");`);
    this.addSql(`alter table "inspection" add constraint "inspection_trigger_check" check ("trigger" in ('INCOMING', 'IN_PROCESS', 'FINAL'));`);
    this.addSql(`alter table "inspection" add constraint "inspection_result_check" check ("result" in ('PASS', 'FAIL'));`);

    this.addSql(`alter table "inspection_reading" add constraint "inspection_reading_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id");`);
    this.addSql(`alter table "inspection_reading" add constraint "inspection_reading_characteristic_id_foreign" foreign key ("characteristic_id") references "inspection_characteristic" ("id");`);

    this.addSql(`alter table "non_conformance" add constraint "non_conformance_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on delete set null;`);
    this.addSql(`alter table "non_conformance" add constraint "non_conformance_defect_code_id_foreign" foreign key ("defect_code_id") references "defect_code" ("id") on delete set null;`);
    this.addSql(`alter table "non_conformance" add constraint "non_conformance_severity_check" check ("severity" in ('MINOR', 'MAJOR', 'CRITICAL'));`);
    this.addSql(`alter table "non_conformance" add constraint "non_conformance_status_check" check ("status" in ('OPEN', 'UNDER_REVIEW', 'DISPOSITIONED', 'CLOSED'));`);
    this.addSql(`alter table "non_conformance" add constraint "non_conformance_disposition_check" check ("disposition" in ('USE_AS_IS', 'REWORK', 'SCRAP', 'RETURN_TO_VENDOR'));`);

    this.addSql(`alter table "corrective_action_non_conformance" add constraint "corrective_action_non_conformance_corrective_action_id_foreign" foreign key ("corrective_action_id") references "corrective_action" ("id");`);
    this.addSql(`alter table "corrective_action_non_conformance" add constraint "corrective_action_non_conformance_non_conformance_id_foreign" foreign key ("non_conformance_id") references "non_conformance" ("id");`);

    this.addSql(`alter table "recall" add constraint "recall_status_check" check ("status" in ('INITIATED', 'IN_PROGRESS', 'COMPLETED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "corrective_action_step" drop constraint "corrective_action_step_corrective_action_id_foreign";`);
    this.addSql(`alter table "corrective_action_non_conformance" drop constraint "corrective_action_non_conformance_corrective_action_id_foreign";`);
    this.addSql(`alter table "non_conformance" drop constraint "non_conformance_defect_code_id_foreign";`);
    this.addSql(`alter table "inspection_characteristic" drop constraint "inspection_characteristic_plan_id_foreign";`);
    this.addSql(`alter table "inspection" drop constraint "inspection_plan_id_foreign";`);
    this.addSql(`alter table "inspection_reading" drop constraint "inspection_reading_characteristic_id_foreign";`);
    this.addSql(`alter table "inspection_reading" drop constraint "inspection_reading_inspection_id_foreign";`);
    this.addSql(`alter table "non_conformance" drop constraint "non_conformance_inspection_id_foreign";`);
    this.addSql(`alter table "corrective_action_non_conformance" drop constraint "corrective_action_non_conformance_non_conformance_id_foreign";`);

    this.addSql(`drop table if exists "corrective_action" cascade;`);
    this.addSql(`drop table if exists "corrective_action_step" cascade;`);
    this.addSql(`drop table if exists "defect_code" cascade;`);
    this.addSql(`drop table if exists "document_counter" cascade;`);
    this.addSql(`drop table if exists "inspection_plan" cascade;`);
    this.addSql(`drop table if exists "inspection_characteristic" cascade;`);
    this.addSql(`drop table if exists "inspection" cascade;`);
    this.addSql(`drop table if exists "inspection_reading" cascade;`);
    this.addSql(`drop table if exists "non_conformance" cascade;`);
    this.addSql(`drop table if exists "corrective_action_non_conformance" cascade;`);
    this.addSql(`drop table if exists "recall" cascade;`);
  }

}
