// Rollups: a record table summed per facility, supplier, period and a few dimensions, kept exact by
// statement-level triggers (transition tables: one grouped upsert per INSERT/UPDATE/DELETE statement,
// however many rows it writes). KPI and report statements read a rollup instead of the ~1,000,000 rows
// behind it: records sharing a period share their pro-rata share of any window, so summing first is exact.
import type { TriggerDef } from '@mikro-orm/core';
import { Trigger } from '@mikro-orm/decorators/legacy';

export interface RollupSpec {
  /** The record table the triggers sit on. */
  table: string;
  rollup: string;
  /** The rollup's key columns, each from an expression over a record. */
  keys: [column: string, expression: string][];
  /** Summed columns (records are also counted, into `records`, and the latest updated_at kept). */
  sums: [column: string, expression: string][];
}

export const ACTIVITY_ROLLUP: RollupSpec = {
  table: 'activity_record',
  rollup: 'activity_rollup',
  keys: [
    ['facility_id', 'facility_id'], ['supplier_id', 'supplier_id'], ['period_start', 'period_start'], ['period_end', 'period_end'],
    ['scope', 'scope'], ['scope3_category', 'coalesce(scope3_category, 0)'], ['is_primary', "data_quality = 'PRIMARY'"],
  ],
  sums: [['kg_co2e', 'kg_co2e']],
};

export const OUTPUT_ROLLUP: RollupSpec = {
  table: 'production_output_record',
  rollup: 'output_rollup',
  keys: [['facility_id', 'facility_id'], ['supplier_id', 'supplier_id'], ['period_start', 'period_start'], ['period_end', 'period_end']],
  sums: [['good_units', 'good_units']],
};

/** Adds the rows of transition table `rows` to the rollup; keys in order, so concurrent writers lock alike. */
function addRows(spec: RollupSpec, rows: string): string {
  const columns = [...spec.keys, ...spec.sums].map(([c]) => c).concat('records', 'updated_at').join(', ');
  const select = [...spec.keys.map(([, e]) => e), ...spec.sums.map(([, e]) => `sum(${e})`), 'count(*)', 'max(updated_at)'].join(', ');
  const groups = spec.keys.map((_, i) => i + 1).join(', ');
  const set = [...spec.sums.map(([c]) => `${c} = t.${c} + excluded.${c}`), 'records = t.records + excluded.records',
    'updated_at = greatest(t.updated_at, excluded.updated_at)'].join(', ');
  return `insert into ${spec.rollup} as t (${columns}) select ${select} from ${rows} group by ${groups} order by ${groups} ` +
    `on conflict (${spec.keys.map(([c]) => c).join(', ')}) do update set ${set};`;
}

/** Takes the rows of transition table `rows` out of the rollup, dropping groups left without records. */
function removeRows(spec: RollupSpec, rows: string): string {
  const keyed = spec.keys.map(([c, e]) => `${e} as ${c}`).join(', ');
  const sums = spec.sums.map(([c, e]) => `sum(${e}) as ${c}`).join(', ');
  const groups = spec.keys.map((_, i) => i + 1).join(', ');
  const match = spec.keys.map(([c]) => `t.${c} = d.${c}`).join(' and ');
  const set = [...spec.sums.map(([c]) => `${c} = t.${c} - d.${c}`), 'records = t.records - d.records', 'updated_at = greatest(t.updated_at, now())'].join(', ');
  return `update ${spec.rollup} t set ${set} from (select ${keyed}, ${sums}, count(*) as records from ${rows} group by ${groups}) d where ${match}; ` +
    `delete from ${spec.rollup} t where t.records <= 0;`;
}

/** The DDL of one trigger and its function (`<table>_<trigger>_fn`, MikroORM's convention). */
function triggerDdl(spec: RollupSpec, name: string, event: string, transition: string, body: string): string {
  const fn = `${spec.table}_${name}_fn`;
  return `create or replace function "${fn}"() returns trigger as $$ begin ${body} return null; end; $$ language plpgsql;\n` +
    `create trigger "${name}" after ${event} on "${spec.table}" referencing ${transition} for each statement execute function "${fn}"();`;
}

/** The insert, update and delete triggers that keep `spec.rollup` equal to the sums of `spec.table`. */
export function rollupTriggers(spec: RollupSpec): (TriggerDef & { name: string; expression: string })[] {
  return [
    { name: 'rollup_insert', timing: 'after', events: ['insert'], forEach: 'statement',
      expression: triggerDdl(spec, 'rollup_insert', 'insert', 'new table as added', addRows(spec, 'added')) },
    { name: 'rollup_update', timing: 'after', events: ['update'], forEach: 'statement',
      expression: triggerDdl(spec, 'rollup_update', 'update', 'old table as removed new table as added', `${removeRows(spec, 'removed')} ${addRows(spec, 'added')}`) },
    { name: 'rollup_delete', timing: 'after', events: ['delete'], forEach: 'statement',
      expression: triggerDdl(spec, 'rollup_delete', 'delete', 'old table as removed', removeRows(spec, 'removed')) },
  ];
}

/** Declares a rollup's triggers on the record entity, so the schema comparator keeps them. */
export function RollupTriggers(spec: RollupSpec): ClassDecorator {
  return (target) => {
    for (const trigger of rollupTriggers(spec)) Trigger(trigger)(target as never);
  };
}
