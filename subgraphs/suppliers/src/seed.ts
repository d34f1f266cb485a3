// Seeds the suppliers database with its part of the demo universe, in bulk.
import { addDays, SEED_TODAY } from '@cmgraph/seedkit';
import { insertRows, type Column } from '@cmgraph/seedkit';
import { random, seedId } from '@cmgraph/seedkit';
import type { SubgraphSeed } from '@cmgraph/seedkit';

type Row = Record<string, unknown>;
const now = new Date(`${SEED_TODAY}T00:00:00Z`);
const col = (name: string, type: string): Column<Row> => ({ name, type, value: (row) => row[name] });
const owned = [col('id', 'uuid[]'), col('created_at', 'timestamptz[]'), col('updated_at', 'timestamptz[]')];
const stamp = (id: string): Row => ({ id, created_at: now, updated_at: now });

const STANDARDS = ['ISO_9001', 'IATF_16949', 'ISO_14001', 'ISO_45001'];

export const seed: SubgraphSeed = async ({ db, world, progress }) => {
  const r = random(`suppliers:${world.scale}`);
  await insertRows(db, 'supplier', [...owned, col('code', 'text[]'), col('name', 'text[]'), col('type', 'text[]'), col('status', 'text[]'), col('risk_tier', 'text[]'), col('country', 'text[]')],
    world.suppliers.map((s, i) => ({ ...stamp(s.id), code: s.code, name: s.name, type: s.type, status: i % 11 === 10 ? 'PROBATION' : 'APPROVED', risk_tier: s.riskTier, country: s.country })));
  await insertRows(db, 'facility', [...owned, col('supplier_id', 'uuid[]'), col('name', 'text[]'), col('country', 'text[]'), col('region', 'text[]'), col('nearshore', 'boolean[]'), { name: 'capabilities', type: 'text[]', cast: 'text[]', value: (row) => `{${(row.capabilities as string[]).join(',')}}` }],
    world.facilities.map((f) => ({ ...stamp(f.id), supplier_id: f.supplierId, name: f.name, country: f.country, region: f.region, nearshore: f.nearshore, capabilities: f.capabilities })));
  const certifications = world.suppliers.flatMap((s, i) => [0, 1].map((k) => {
    const validUntil = addDays(SEED_TODAY, k === 0 ? r.int(10, 80) : r.int(200, 900)); // one expiring soon
    return { ...stamp(seedId('certification', i * 2 + k)), supplier_id: s.id, standard: STANDARDS[(i + k) % STANDARDS.length], number: `C-${i + 1}-${k + 1}`, issuer: r.pick(['TÜV SÜD', 'BSI', 'DNV', 'SGS']), valid_from: addDays(validUntil, -1095), valid_until: validUntil };
  }));
  await insertRows(db, 'certification', [...owned, col('supplier_id', 'uuid[]'), col('standard', 'text[]'), col('number', 'text[]'), col('issuer', 'text[]'), col('valid_from', 'date[]'), col('valid_until', 'date[]')], certifications);
  await insertRows(db, 'audit', [...owned, col('supplier_id', 'uuid[]'), col('kind', 'text[]'), col('audit_date', 'date[]'), col('auditor', 'text[]'), col('major_findings', 'int[]'), col('minor_findings', 'int[]'), col('score', 'float8[]')],
    world.suppliers.map((s, i) => ({ ...stamp(seedId('audit', i)), supplier_id: s.id, kind: i % 3 ? 'ANNOUNCED' : 'UNANNOUNCED', audit_date: addDays(SEED_TODAY, -r.int(30, 300)), auditor: 'Brand SQE team', major_findings: r.int(0, 2), minor_findings: r.int(0, 6), score: r.int(62, 98) })));
  await insertRows(db, 'sla', [...owned, col('supplier_id', 'uuid[]'), col('otif_target', 'float8[]'), col('ppm_target', 'float8[]'), col('max_changeover_minutes', 'int[]'), col('max_response_hours', 'int[]')],
    world.suppliers.map((s, i) => ({ ...stamp(seedId('sla', i)), supplier_id: s.id, otif_target: 0.95, ppm_target: s.type === 'CM' ? 500 : 250, max_changeover_minutes: 45, max_response_hours: 24 })));
  const makers = world.suppliers.filter((s) => s.type !== 'LOGISTICS');
  const sourcing = world.products.flatMap((p, i) => {
    const primary = makers[i % makers.length]!;
    const secondary = makers[(i + 3) % makers.length]!;
    const dual = i % 10 < 7 && secondary.id !== primary.id;
    return [
      { ...stamp(seedId('sourcing', i * 2)), product_id: p.id, supplier_id: primary.id, role: 'PRIMARY', share_percent: dual ? 70 : 100 },
      ...(dual ? [{ ...stamp(seedId('sourcing', i * 2 + 1)), product_id: p.id, supplier_id: secondary.id, role: 'SECONDARY', share_percent: 30 }] : []),
    ];
  });
  await insertRows(db, 'sourcing_assignment', [...owned, col('product_id', 'uuid[]'), col('supplier_id', 'uuid[]'), col('role', 'text[]'), col('share_percent', 'float8[]')], sourcing);
  progress(world.suppliers.length + world.facilities.length + certifications.length + sourcing.length + world.suppliers.length * 2);
};
