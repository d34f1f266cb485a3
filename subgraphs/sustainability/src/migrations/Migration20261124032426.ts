import { Migration } from '@mikro-orm/migrations';

export class Migration20261124032426 extends Migration {

  override name = 'Migration20261124032426';

  override up(): void | Promise<void> {
    this.addSql(`create table "emission_factor" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "source" varchar(255) not null, "activity_type" text not null, "region" varchar(6) not null, "year" int not null, "kg_co2e_per_unit" double precision not null, "unit" varchar(255) not null, "scope" smallint not null, "scope3_category" smallint null, "gwp_set" text not null, primary key ("id"));`);
    this.addSql(`create index "emission_factor_updated_at_index" on "emission_factor" ("updated_at");`);
    this.addSql(`alter table "emission_factor" add constraint "emission_factor_activity_type_region_year_unique" unique ("activity_type", "region", "year");`);

    this.addSql(`create table "activity_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "facility_id" uuid not null, "supplier_id" uuid not null, "country" varchar(2) not null, "period_start" date not null, "period_end" date not null, "activity_type" text not null, "quantity" double precision not null, "unit" varchar(255) not null, "quantity_in_factor_unit" double precision not null, "factor_id" uuid not null, "kg_co2e" double precision not null, "scope" smallint not null, "scope3_category" smallint null, "data_quality" text not null, primary key ("id"));`);
    this.addSql(`create index "activity_record_updated_at_index" on "activity_record" ("updated_at");`);
    this.addSql(`create index "activity_record_factor_id_index" on "activity_record" ("factor_id");`);
    this.addSql(`create index "activity_record_supplier_id_period_start_index" on "activity_record" ("supplier_id", "period_start");`);
    this.addSql(`create index "activity_record_facility_id_period_start_index" on "activity_record" ("facility_id", "period_start");`);

    this.addSql(`create table "energy_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "facility_id" uuid not null, "supplier_id" uuid not null, "country" varchar(2) not null, "period_start" date not null, "period_end" date not null, "source" text not null, "kwh" double precision not null, "renewable" boolean not null, "certificates" boolean not null, "grid_factor_id" uuid null, "scope2_location_based_kg" double precision not null, "scope2_market_based_kg" double precision not null, primary key ("id"));`);
    this.addSql(`create index "energy_record_updated_at_index" on "energy_record" ("updated_at");`);
    this.addSql(`create index "energy_record_grid_factor_id_index" on "energy_record" ("grid_factor_id");`);
    this.addSql(`create index "energy_record_supplier_id_period_start_index" on "energy_record" ("supplier_id", "period_start");`);
    this.addSql(`create index "energy_record_facility_id_period_start_index" on "energy_record" ("facility_id", "period_start");`);

    this.addSql(`create table "product_footprint" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "product_id" uuid not null, "facility_id" uuid not null, "supplier_id" uuid not null, "version" int not null, "status" text not null default 'ACTIVE', "company_name" varchar(255) not null, "company_ids" text[] not null, "product_description" text not null, "product_ids" text[] not null, "product_name_company" varchar(255) not null, "declared_unit_of_measurement" varchar(255) not null, "declared_unit_amount" double precision not null, "pcf_excluding_biogenic_uptake" double precision not null, "reference_period_start" date not null, "reference_period_end" date not null, "geography_country" varchar(2) not null, "boundary_processes_description" text not null, "primary_data_share" double precision null, "exempted_emissions_percent" double precision not null, "facility_kg_co2e" double precision not null, "facility_good_units" double precision not null, primary key ("id"));`);
    this.addSql(`create index "product_footprint_updated_at_index" on "product_footprint" ("updated_at");`);
    this.addSql(`create index "product_footprint_product_id_index" on "product_footprint" ("product_id");`);
    this.addSql(`create index "product_footprint_facility_id_index" on "product_footprint" ("facility_id");`);
    this.addSql(`create index "product_footprint_supplier_id_index" on "product_footprint" ("supplier_id");`);
    this.addSql(`alter table "product_footprint" add constraint "product_footprint_product_id_version_unique" unique ("product_id", "version");`);

    this.addSql(`create table "production_output_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "facility_id" uuid not null, "supplier_id" uuid not null, "country" varchar(2) not null, "period_start" date not null, "period_end" date not null, "product_id" uuid null, "good_units" double precision not null, primary key ("id"));`);
    this.addSql(`create index "production_output_record_updated_at_index" on "production_output_record" ("updated_at");`);
    this.addSql(`create index "production_output_record_product_id_index" on "production_output_record" ("product_id");`);
    this.addSql(`create index "production_output_record_supplier_id_period_start_index" on "production_output_record" ("supplier_id", "period_start");`);
    this.addSql(`create index "production_output_record_facility_id_period_start_index" on "production_output_record" ("facility_id", "period_start");`);

    this.addSql(`create table "waste_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "facility_id" uuid not null, "supplier_id" uuid not null, "country" varchar(2) not null, "period_start" date not null, "period_end" date not null, "waste_type" varchar(255) not null, "hazardous" boolean not null, "kg" double precision not null, "treatment" text not null, "factor_id" uuid not null, "kg_co2e" double precision not null, primary key ("id"));`);
    this.addSql(`create index "waste_record_updated_at_index" on "waste_record" ("updated_at");`);
    this.addSql(`create index "waste_record_factor_id_index" on "waste_record" ("factor_id");`);
    this.addSql(`create index "waste_record_supplier_id_period_start_index" on "waste_record" ("supplier_id", "period_start");`);
    this.addSql(`create index "waste_record_facility_id_period_start_index" on "waste_record" ("facility_id", "period_start");`);

    this.addSql(`create table "water_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "facility_id" uuid not null, "supplier_id" uuid not null, "country" varchar(2) not null, "period_start" date not null, "period_end" date not null, "withdrawal_m3" double precision not null, "discharge_m3" double precision not null, "recycled_m3" double precision not null, primary key ("id"));`);
    this.addSql(`create index "water_record_updated_at_index" on "water_record" ("updated_at");`);
    this.addSql(`create index "water_record_supplier_id_period_start_index" on "water_record" ("supplier_id", "period_start");`);
    this.addSql(`create index "water_record_facility_id_period_start_index" on "water_record" ("facility_id", "period_start");`);

    this.addSql(`alter table "emission_factor" add constraint "emission_factor_activity_type_check" check ("activity_type" in ('ELECTRICITY_GRID', 'NATURAL_GAS', 'DIESEL', 'LPG', 'FREIGHT_ROAD', 'FREIGHT_RAIL', 'FREIGHT_SEA', 'FREIGHT_AIR', 'PURCHASED_STEEL', 'PURCHASED_ALUMINIUM', 'PURCHASED_PLASTIC', 'PURCHASED_COPPER', 'WASTE_REUSE', 'WASTE_RECYCLE', 'WASTE_RECOVERY', 'WASTE_INCINERATION', 'WASTE_LANDFILL', 'WATER_SUPPLY'));`);
    this.addSql(`alter table "emission_factor" add constraint "emission_factor_gwp_set_check" check ("gwp_set" in ('AR5', 'AR6'));`);

    this.addSql(`alter table "activity_record" add constraint "activity_record_factor_id_foreign" foreign key ("factor_id") references "emission_factor" ("id");`);
    this.addSql(`alter table "activity_record" add constraint "activity_record_activity_type_check" check ("activity_type" in ('ELECTRICITY_GRID', 'NATURAL_GAS', 'DIESEL', 'LPG', 'FREIGHT_ROAD', 'FREIGHT_RAIL', 'FREIGHT_SEA', 'FREIGHT_AIR', 'PURCHASED_STEEL', 'PURCHASED_ALUMINIUM', 'PURCHASED_PLASTIC', 'PURCHASED_COPPER', 'WASTE_REUSE', 'WASTE_RECYCLE', 'WASTE_RECOVERY', 'WASTE_INCINERATION', 'WASTE_LANDFILL', 'WATER_SUPPLY'));`);
    this.addSql(`alter table "activity_record" add constraint "activity_record_data_quality_check" check ("data_quality" in ('PRIMARY', 'SECONDARY', 'ESTIMATED'));`);

    this.addSql(`alter table "energy_record" add constraint "energy_record_grid_factor_id_foreign" foreign key ("grid_factor_id") references "emission_factor" ("id") on delete set null;`);
    this.addSql(`alter table "energy_record" add constraint "energy_record_source_check" check ("source" in ('GRID', 'SOLAR', 'WIND', 'HYDRO', 'NATURAL_GAS', 'DIESEL'));`);

    this.addSql(`alter table "product_footprint" add constraint "product_footprint_status_check" check ("status" in ('ACTIVE', 'DEPRECATED'));`);

    this.addSql(`alter table "waste_record" add constraint "waste_record_factor_id_foreign" foreign key ("factor_id") references "emission_factor" ("id");`);
    this.addSql(`alter table "waste_record" add constraint "waste_record_treatment_check" check ("treatment" in ('REUSE', 'RECYCLE', 'RECOVERY', 'INCINERATION', 'LANDFILL'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "activity_record" drop constraint "activity_record_factor_id_foreign";`);
    this.addSql(`alter table "energy_record" drop constraint "energy_record_grid_factor_id_foreign";`);
    this.addSql(`alter table "waste_record" drop constraint "waste_record_factor_id_foreign";`);

    this.addSql(`drop table if exists "emission_factor" cascade;`);
    this.addSql(`drop table if exists "activity_record" cascade;`);
    this.addSql(`drop table if exists "energy_record" cascade;`);
    this.addSql(`drop table if exists "product_footprint" cascade;`);
    this.addSql(`drop table if exists "production_output_record" cascade;`);
    this.addSql(`drop table if exists "waste_record" cascade;`);
    this.addSql(`drop table if exists "water_record" cascade;`);
  }

}
