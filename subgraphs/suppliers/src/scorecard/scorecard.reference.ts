// Scorecards from their key: `_entities` resolves `{ supplierId, period }` when the supplier exists and
// the period parses (else null), keeping the figures the gateway brought for `score` (@requires).
import { isId, parsePeriod, type Period } from '@cmgraph/platform';
import type { Context } from '../context';
import type { SupplierScorecard } from './scorecard.type';

const FIGURES = ['otif', 'fillRate', 'ppm', 'firstPassYield', 'renewableShare', 'linesDue', 'inspections'] as const;

export function scorecardOf(supplierId: string, period: Period): SupplierScorecard {
  return { supplierId, period: period.label, from: period.from, to: period.to } as SupplierScorecard;
}

export async function resolveScorecardReference(reference: Record<string, unknown>, ctx: Context): Promise<SupplierScorecard | null> {
  const supplierId = typeof reference.supplierId === 'string' ? reference.supplierId : '';
  if (!isId(supplierId) || typeof reference.period !== 'string') return null;
  let period: Period;
  try {
    period = parsePeriod(reference.period);
  } catch {
    return null;
  }
  if (!(await ctx.loaders.supplier.load(supplierId))) return null;
  const card = scorecardOf(supplierId, period);
  for (const figure of FIGURES) if (figure in reference) (card as unknown as Record<string, unknown>)[figure] = reference[figure];
  return card;
}
