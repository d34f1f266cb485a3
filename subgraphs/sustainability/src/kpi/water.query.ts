// Water totals in SQL, batched over every (owner, window) of a request; mirrors water.ts.
import type { EntityManager } from '@mikro-orm/postgresql';
import { waterFromTotals, type WaterSummary } from './water';
import { WINDOW_KEYS, windowLoader, windowRows } from './window.query';

interface WaterRow {
  n: number;
  records: number;
  withdrawal_m3: number;
  discharge_m3: number;
  recycled_m3: number;
}

const SQL = `
WITH ${WINDOW_KEYS}
SELECT r.n, count(*)::int AS records, sum(x.share * x.withdrawal_m3) AS withdrawal_m3,
       sum(x.share * x.discharge_m3) AS discharge_m3, sum(x.share * x.recycled_m3) AS recycled_m3
FROM r JOIN LATERAL (${windowRows('water_record w', 'w', 'w.withdrawal_m3, w.discharge_m3, w.recycled_m3')}) x ON true
GROUP BY r.n`;

export function waterLoader(em: EntityManager) {
  return windowLoader<WaterRow, WaterSummary>(em, SQL, ([row]) =>
    waterFromTotals({
      records: row?.records ?? 0, withdrawalM3: Number(row?.withdrawal_m3 ?? 0),
      dischargeM3: Number(row?.discharge_m3 ?? 0), recycledM3: Number(row?.recycled_m3 ?? 0),
    }),
  );
}
