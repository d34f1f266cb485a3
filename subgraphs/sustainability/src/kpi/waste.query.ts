// Waste totals in SQL, batched over every (owner, window) of a request; mirrors waste.ts.
import type { EntityManager } from '@mikro-orm/postgresql';
import { wasteFromTotals, type WasteSummary } from './waste';
import type { WasteTreatment } from '../waste/waste.enums';
import { WINDOW_KEYS, windowLoader, windowRows } from './window.query';

interface WasteRow {
  n: number;
  treatment: WasteTreatment;
  records: number;
  kg: number;
  hazardous_kg: number;
  kg_co2e: number;
}

const SQL = `
WITH ${WINDOW_KEYS}
SELECT r.n, x.treatment, count(*)::int AS records, sum(x.share * x.kg) AS kg,
       coalesce(sum(x.share * x.kg) FILTER (WHERE x.hazardous), 0) AS hazardous_kg, sum(x.share * x.kg_co2e) AS kg_co2e
FROM r JOIN LATERAL (${windowRows('waste_record w', 'w', 'w.treatment, w.kg, w.hazardous, w.kg_co2e')}) x ON true
GROUP BY r.n, x.treatment`;

export function wasteLoader(em: EntityManager) {
  return windowLoader<WasteRow, WasteSummary>(em, SQL, (rows) =>
    wasteFromTotals(rows.map((row) => ({
      treatment: row.treatment, records: row.records, kg: Number(row.kg), hazardousKg: Number(row.hazardous_kg), kgCo2e: Number(row.kg_co2e),
    }))),
  );
}
