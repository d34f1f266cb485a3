// The `suppliers.expiring-certifications` job: once a day (by default) it raises `certification.expiring`
// for every certificate still valid that expires within the window (CERT_EXPIRY_WINDOW_DAYS, default 30).
// Each certificate is raised once per expiry date: the date raised for is remembered on the row in the
// same transaction as the events, so a re-run raises nothing new, and a renewal (a new validUntil) that
// again falls inside the window raises again.
import { addDays, recordEvent, today, type JobDefinition } from '@cmgraph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { certificationExpiring, type ExpiringCertification } from './certification.events';

export const EXPIRING_CERTIFICATIONS_JOB = 'suppliers.expiring-certifications';

const DAY_MS = 86_400_000;
const DEFAULT_WINDOW_DAYS = 30;

/** The window in days from CERT_EXPIRY_WINDOW_DAYS; anything but a whole number 0–3650 is a configuration error. */
export function certExpiryWindowDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CERT_EXPIRY_WINDOW_DAYS?.trim();
  if (!raw) return DEFAULT_WINDOW_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 0 || days > 3650) {
    throw new Error(`CERT_EXPIRY_WINDOW_DAYS must be a whole number of days from 0 to 3650, not "${raw}"`);
  }
  return days;
}

/** How often the job runs: CERT_EXPIRY_INTERVAL_MS, default once a day. */
export function certExpiryIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.CERT_EXPIRY_INTERVAL_MS);
  return Number.isInteger(ms) && ms >= 1_000 ? ms : DAY_MS;
}

interface Row {
  id: string;
  supplier_id: string;
  facility_id: string | null;
  standard: string;
  number: string;
  valid_until: string;
}

/** Marks and raises every certificate expiring in [today, today + windowDays] not yet raised for its current expiry. */
export async function raiseExpiringCertifications(em: EntityManager, windowDays: number, day: string = today()): Promise<number> {
  const rows = await em.execute<Row[]>(
    `update certification set expiry_notified_for = valid_until
     where valid_until >= ?::date and valid_until <= ?::date and expiry_notified_for is distinct from valid_until
     returning id, supplier_id, facility_id, standard, number, valid_until::text`,
    [day, addDays(day, windowDays)],
  );
  if (!rows.length) return 0;
  const found = rows
    .map((row): ExpiringCertification => ({
      certificationId: row.id, supplierId: row.supplier_id, facilityId: row.facility_id, standard: row.standard, number: row.number,
      expiresOn: row.valid_until, daysLeft: Math.round((Date.parse(`${row.valid_until}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / DAY_MS),
    }))
    .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.certificationId.localeCompare(b.certificationId));
  await recordEvent(em, ...found.map(certificationExpiring));
  return found.length;
}

export const expiringCertificationsJob: JobDefinition = {
  name: EXPIRING_CERTIFICATIONS_JOB,
  intervalMs: certExpiryIntervalMs(),
  // the window is read at every run, so a changed setting applies without a restart
  run: async (em) => {
    await raiseExpiringCertifications(em, certExpiryWindowDays());
  },
};
