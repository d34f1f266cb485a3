// Bulk writes for seeding: rows go in as column arrays through `unnest` in batches, one statement per
// batch instead of one per row.
import type { Client } from 'pg';

export interface Column<Row> {
  name: string;
  /**
   * PostgreSQL array type the values are sent as, e.g. 'uuid[]', 'text[]', 'numeric[]', 'date[]'. An array
   * column (text[]) is sent as text[] of array literals ('{a,b}') and cast back with `cast: 'text[]'`.
   */
  type: string;
  value: (row: Row) => unknown;
  cast?: string;
}

export async function insertRows<Row>(db: Client, table: string, columns: Column<Row>[], rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const params = columns.map((c, i) => `$${i + 1}::${c.type}`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map((c, i) => (c.cast ? `c${i}::${c.cast}` : `c${i}`)).join(', ');
  const values = columns.map((c) => rows.map((row) => c.value(row)));
  await db.query(`INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${params}) AS u(${aliases.join(', ')})`, values);
}

/** Collects rows and flushes them every `size` rows; `progress`, when given, hears each flushed batch. */
export class BulkWriter<Row> {
  private rows: Row[] = [];
  constructor(
    private db: Client,
    private table: string,
    private columns: Column<Row>[],
    private size = 5_000,
    private progress?: (rows: number) => void,
  ) {}

  async add(row: Row): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= this.size) await this.flush();
  }

  async flush(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    await insertRows(this.db, this.table, this.columns, rows);
    if (rows.length) this.progress?.(rows.length);
  }
}
