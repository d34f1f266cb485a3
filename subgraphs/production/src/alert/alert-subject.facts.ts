// Where an alert's subject is and whose it is: the facility and the supplier (CM) an alert carries for
// the filters now and for partners' access rules later. Found here for machines and lines, asked of the
// owner for other subgraphs' entities (which also proves the subject exists); what the owner cannot say
// is taken from the input, checked to exist.
import { mustLoad } from '@cmgraph/platform';
import type { Context } from '../context';
import { AlertSubjectType as T } from './alert.enums';

export interface SubjectFacts {
  facilityId: string | null;
  supplierId: string | null;
}

interface Given {
  subjectType: T;
  subjectId: string;
  facilityId?: string | null;
  supplierId?: string | null;
}

type Owned = { supplier?: { id: string } | null; shipFrom?: { id: string } | null };

/** What the owners ask for, per subject type owned elsewhere. */
const SELECTIONS: Partial<Record<T, string>> = {
  [T.Facility]: 'supplier { id }',
  [T.Shipment]: 'supplier { id } shipFrom { id }',
  [T.PurchaseOrder]: 'supplier { id }',
  [T.Lot]: 'supplier { id }',
};

export async function subjectFacts(input: Given, ctx: Context): Promise<SubjectFacts> {
  const field = 'subjectId';
  const derived = await ownFacts(input, ctx);
  if (derived) return derived;
  const [owned] = await ctx.references.fetchExisting<Owned>(input.subjectType, [{ id: input.subjectId, field }], SELECTIONS[input.subjectType] ?? '');
  const facts: SubjectFacts = {
    facilityId: input.subjectType === T.Facility ? input.subjectId : (owned?.shipFrom?.id ?? null),
    supplierId: input.subjectType === T.Supplier ? input.subjectId : (owned?.supplier?.id ?? null),
  };
  if (!facts.facilityId && input.facilityId) {
    await ctx.references.requireExisting('Facility', [{ id: input.facilityId, field: 'facilityId' }]);
    facts.facilityId = input.facilityId;
  }
  if (!facts.supplierId && input.supplierId) {
    await ctx.references.requireExisting('Supplier', [{ id: input.supplierId, field: 'supplierId' }]);
    facts.supplierId = input.supplierId;
  }
  return facts;
}

/** Machines and lines live here: their facility and supplier are on their rows. */
async function ownFacts(input: Given, ctx: Context): Promise<SubjectFacts | null> {
  if (input.subjectType === T.Machine) {
    const machine = await mustLoad(ctx.loaders.machine, 'Machine', input.subjectId, 'subjectId');
    const line = await ctx.loaders.line.load(machine.line.id);
    return { facilityId: machine.facilityId, supplierId: line?.supplierId ?? null };
  }
  if (input.subjectType === T.Line) {
    const line = await mustLoad(ctx.loaders.line, 'Line', input.subjectId, 'subjectId');
    return { facilityId: line.facilityId, supplierId: line.supplierId };
  }
  return null;
}
