// The rollup tables (see rollup.triggers.ts): declared as entities so that migrations create them and the
// schema comparator keeps them; the database alone writes them (triggers), the KPI and report SQL read them.
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { PartnerScoped } from '@cmgraph/platform';

/** Activity records summed per facility, supplier, period, scope, scope 3 category (0: none) and primary data. */
@Entity({ tableName: 'activity_rollup' })
@PartnerScoped()
@Index({ properties: ['supplierId', 'periodStart'] })
export class ActivityRollup {
  @PrimaryKey({ type: 'uuid' }) facilityId!: string;
  @PrimaryKey({ type: 'uuid' }) supplierId!: string;
  @PrimaryKey({ type: 'date' }) periodStart!: string;
  @PrimaryKey({ type: 'date' }) periodEnd!: string;
  @PrimaryKey({ type: 'smallint' }) scope!: number;
  @PrimaryKey({ type: 'smallint', fieldName: 'scope3_category' }) scope3Category!: number;
  @PrimaryKey({ type: 'boolean' }) isPrimary!: boolean;
  @Property({ type: 'double' }) kgCo2e!: number;
  @Property({ type: 'int' }) records!: number;
  @Property({ type: 'timestamptz' }) updatedAt!: Date;
}

/** Production output records summed per facility, supplier and period (every product together). */
@Entity({ tableName: 'output_rollup' })
@PartnerScoped()
@Index({ properties: ['supplierId', 'periodStart'] })
export class OutputRollup {
  @PrimaryKey({ type: 'uuid' }) facilityId!: string;
  @PrimaryKey({ type: 'uuid' }) supplierId!: string;
  @PrimaryKey({ type: 'date' }) periodStart!: string;
  @PrimaryKey({ type: 'date' }) periodEnd!: string;
  @Property({ type: 'double' }) goodUnits!: number;
  @Property({ type: 'int' }) records!: number;
  @Property({ type: 'timestamptz' }) updatedAt!: Date;
}
