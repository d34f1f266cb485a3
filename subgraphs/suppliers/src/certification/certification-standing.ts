// A supplier's certification standing on a day, from its certificates: the definition (pure) and its
// batched SQL (one statement for every supplier and day a request asks about).
import DataLoader from 'dataloader';
import { registerEnumType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, partnerScopeOf } from '@cmgraph/platform';

export enum CertificationStanding {
  VALID = 'VALID',
  EXPIRING = 'EXPIRING',
  EXPIRED = 'EXPIRED',
  NONE = 'NONE',
}
registerEnumType(CertificationStanding, {
  name: 'CertificationStanding',
  description:
    'A supplier\'s certification on a day D. VALID: a certificate is in force on D (validFrom ≤ D ≤ validUntil) and the ' +
    'longest-running one lasts beyond D + 30 days. EXPIRING: certificates are in force on D but all end by D + 30 days. ' +
    'EXPIRED: none is in force on D, and one ended before D. NONE: none had started by D.',
});

/** Days ahead of D within which a certificate's last day makes the standing EXPIRING. */
export const EXPIRING_WITHIN_DAYS = 30;

/** Single-source risk lists the certificates whose last day falls within this many days from today. */
export const EXPIRING_CERTIFICATIONS_DAYS = 60;

/** What the standing needs to know of a supplier's certificates on `asOf`. */
export interface CertificationFacts {
  /** The latest last day of validity among certificates in force on `asOf` (null: none in force). */
  inForceUntil: string | null;
  /** Some certificate ended before `asOf`. */
  lapsed: boolean;
}

/** The standing on `asOf` (YYYY-MM-DD): the supplier's best certificate decides. */
export function certificationStanding(facts: CertificationFacts, asOf: string): CertificationStanding {
  if (facts.inForceUntil !== null) {
    return facts.inForceUntil <= addDays(asOf, EXPIRING_WITHIN_DAYS) ? CertificationStanding.EXPIRING : CertificationStanding.VALID;
  }
  return facts.lapsed ? CertificationStanding.EXPIRED : CertificationStanding.NONE;
}

/** A loader key: the supplier and the day its standing is asked for. */
export const standingKey = (supplierId: string, asOf: string) => `${supplierId}|${asOf}`;

const SQL = `
SELECT k.n,
       max(c.valid_until) FILTER (WHERE c.valid_from <= k.as_of AND c.valid_until >= k.as_of)::text AS in_force_until,
       coalesce(bool_or(c.valid_until < k.as_of), false) AS lapsed
FROM jsonb_to_recordset(?::jsonb) AS k(n int, supplier_id uuid, as_of date)
LEFT JOIN certification c ON c.supplier_id = k.supplier_id AND (?::uuid IS NULL OR c.supplier_id = ?::uuid)
GROUP BY k.n`;

/** Standing by `standingKey(supplierId, asOf)`: one statement per batch, whatever the suppliers and days. */
export function certificationStandingLoader(em: EntityManager): DataLoader<string, CertificationStanding> {
  return new DataLoader<string, CertificationStanding>(
    async (keys) => {
      const request = keys.map((key, n) => {
        const [supplierId, asOf] = key.split('|') as [string, string];
        return { n, supplier_id: supplierId, as_of: asOf };
      });
      // raw SQL: the partner scope is applied here (a partner's request reads its own certificates only)
      const partner = partnerScopeOf(em);
      const rows = await em.execute<{ n: number; in_force_until: string | null; lapsed: boolean }[]>(SQL, [JSON.stringify(request), partner, partner]);
      const byIndex = new Map(rows.map((row) => [Number(row.n), row]));
      return request.map(({ n, as_of }) => {
        const row = byIndex.get(n);
        return certificationStanding({ inForceUntil: row?.in_force_until ?? null, lapsed: row?.lapsed ?? false }, as_of);
      });
    },
    { maxBatchSize: 1000 },
  );
}
