// `alertRaised`'s filter as SQL on the alert log (outbox rows): categories, minimum severity (through
// the `severityRank` each alert event carries), facility, supplier, subject and open state, so that the
// database skips what a subscriber did not ask for, in replay and live alike.
import { requireId } from '@cmgraph/platform';
import { AlertChange, severityRank } from './alert.enums';
import type { AlertFilter } from './alert.input';

export function alertStreamWhere(filter: AlertFilter | null | undefined): { sql: string; params: unknown[] } | undefined {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    clauses.push(sql);
    params.push(...values);
  };
  if (filter?.categories?.length) add(`payload->>'category' in (?)`, filter.categories);
  if (filter?.minSeverity) add(`(payload->>'severityRank')::int >= ?`, severityRank(filter.minSeverity));
  if (filter?.facilityId) add(`payload->>'facilityId' = ?`, requireId(filter.facilityId, 'filter.facilityId'));
  if (filter?.supplierId) add('supplier_id = ?', requireId(filter.supplierId, 'filter.supplierId'));
  if (filter?.subjectType) add(`payload->>'subjectType' = ?`, filter.subjectType);
  if (filter?.subjectId) add(`payload->>'subjectId' = ?`, requireId(filter.subjectId, 'filter.subjectId'));
  if (filter?.open === true) add(`payload->>'change' <> ?`, AlertChange.RESOLVED);
  if (filter?.open === false) add(`payload->>'change' = ?`, AlertChange.RESOLVED);
  return clauses.length ? { sql: clauses.join(' and '), params } : undefined;
}
