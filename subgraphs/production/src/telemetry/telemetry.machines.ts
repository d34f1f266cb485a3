// The machines a batch of readings names, in one statement: where each one is (its facility) and whose
// it is (the supplier of its line), which its MACHINE_HEALTH alerts carry. For a PARTNER only machines on
// its own lines are found, so another's machine is as unknown as a missing one.
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf } from '@cmgraph/platform';
import { executeBound } from './bound-sql';

/** Where a machine is and whose it is: the facility and supplier its alerts carry. */
export interface MachinePlace {
  facilityId: string;
  supplierId: string | null;
}

const PLACES = `
SELECT m.id, m.facility_id, l.supplier_id
FROM machine m JOIN line l ON l.id = m.line_id
WHERE m.id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR l.supplier_id = $2::uuid)`;

export async function machinePlaces(em: EntityManager, machineIds: string[]): Promise<Map<string, MachinePlace>> {
  const { rows } = await executeBound<{ id: string; facility_id: string; supplier_id: string | null }>(em, PLACES, [machineIds, partnerScopeOf(em)]);
  return new Map(rows.map((row) => [row.id, { facilityId: row.facility_id, supplierId: row.supplier_id }]));
}
