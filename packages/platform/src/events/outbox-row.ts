// The outbox read with SQL (the relay and subscriptions read it in bulk, without the ORM's overhead):
// the columns selected and the row they give, in one place.
export const OUTBOX_COLUMNS = 'seq::text, id, type, subject_type, subject_id, supplier_id, occurred_at, payload';

export interface OutboxRow {
  seq: string;
  id: string;
  type: string;
  subject_type: string;
  subject_id: string;
  supplier_id: string | null;
  occurred_at: Date;
  payload: Record<string, unknown>;
}
