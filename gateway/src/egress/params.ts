// Query-string parameters of a named report → the variables of its document. Each parameter has a
// type, may be required or have a default, may be a list (repeated, or comma-separated) and may land in
// a nested variable (`filter.supplierIds`). Anything unknown, missing or malformed is BAD_USER_INPUT
// naming the parameter, before any operation runs. `pageSize`, `after`, `bom` and `keepFormulas` belong to
// the export.
import { badParam } from './errors';

export type ParamType = 'string' | 'id' | 'int' | 'float' | 'boolean' | 'date';

export interface ReportParam {
  type: ParamType;
  required?: boolean;
  /** The value when the parameter is absent (in the variable's form, e.g. a number for `int`). */
  default?: unknown;
  /** Several values: `?x=a&x=b` or `?x=a,b`. */
  list?: boolean;
  /** The only values allowed (an enum). */
  values?: readonly string[];
  /** Where the value goes in the variables, dotted (default: the parameter's name). */
  variable?: string;
  description?: string;
}

/** Query parameters of the export itself, never a report's. */
export const EXPORT_PARAMS = ['pageSize', 'after', 'bom', 'keepFormulas'] as const;

export const DEFAULT_PAGE_SIZE = 500;
export const MAX_PAGE_SIZE = 1000;

export function variablesFromQuery(params: Readonly<Record<string, ReportParam>>, query: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const name of Object.keys(query)) {
    if (!Object.hasOwn(params, name) && !(EXPORT_PARAMS as readonly string[]).includes(name)) {
      const known = Object.keys(params);
      throw badParam(name, `unknown parameter${known.length ? ` (this report takes ${known.join(', ')})` : ' (this report takes none)'}`);
    }
  }
  for (const [name, param] of Object.entries(params)) {
    const raw = query[name];
    let value: unknown;
    if (raw === undefined || raw === '') {
      if (param.required) throw badParam(name, 'required');
      if (param.default === undefined) continue;
      value = param.default;
    } else {
      const texts = Array.isArray(raw) ? raw.map(String) : [String(raw)];
      if (param.list) value = texts.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean).map((t) => parseValue(name, param, t));
      else if (texts.length > 1) throw badParam(name, 'give it once');
      else value = parseValue(name, param, texts[0]!);
    }
    setPath(variables, (param.variable ?? name).split('.'), value);
  }
  return variables;
}

function parseValue(name: string, param: ReportParam, text: string): unknown {
  if (param.values && !param.values.includes(text)) throw badParam(name, `must be one of ${param.values.join(', ')}`);
  switch (param.type) {
    case 'string':
    case 'id':
      return text;
    case 'int': {
      const n = Number(text);
      if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n) || Math.abs(n) > 2 ** 31 - 1) throw badParam(name, 'must be an integer');
      return n;
    }
    case 'float': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) throw badParam(name, 'must be a number');
      return n;
    }
    case 'boolean':
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw badParam(name, 'must be true or false');
    case 'date':
      if (!isDate(text)) throw badParam(name, 'must be a date, YYYY-MM-DD');
      return text;
  }
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let object = target;
  for (const key of path.slice(0, -1)) {
    const next = object[key];
    object = (next && typeof next === 'object' ? next : (object[key] = {})) as Record<string, unknown>;
  }
  object[path[path.length - 1]!] = value;
}

/** `pageSize` from a query string or a body: an integer 1…1000, default 500. */
export function pageSizeOf(value: unknown, field = 'pageSize'): number {
  if (value === undefined || value === null || value === '') return DEFAULT_PAGE_SIZE;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) throw badParam(field, `must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  return n;
}

/** A true/false flag (`bom`, `keepFormulas`) from a query string or a body. */
export function flagOf(value: unknown, field: string): boolean {
  if (value === undefined || value === '' || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw badParam(field, 'must be true or false');
}

/** `after` from a query string or variables: a cursor to resume from. */
export function cursorOf(value: unknown, field = 'after'): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw badParam(field, 'must be a cursor string');
  return value;
}
