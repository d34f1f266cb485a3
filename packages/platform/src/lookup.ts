// Input-side lookups shared by every mutation: ids must be well-formed and must exist,
// and the error names the input field that carried the bad value.
import type DataLoader from 'dataloader';
import { AppError } from './errors';
import { isId } from './ids';

export function requireId(value: string, field: string): string {
  if (!isId(value)) throw AppError.badInput(field, `"${value}" is not a valid id`);
  return value;
}

/** Loads a row by id through a request's DataLoader; unknown → NOT_FOUND naming the field. */
export async function mustLoad<T>(loader: DataLoader<string, T | null>, type: string, id: string, field: string): Promise<T> {
  const row = await loader.load(requireId(id, field));
  if (!row) throw AppError.notFound(type, id, field);
  return row;
}

/** Loads a row for a read; a malformed or unknown id is simply absent. */
export async function maybeLoad<T>(loader: DataLoader<string, T | null>, id: string): Promise<T | null> {
  return isId(id) ? loader.load(id) : null;
}
