// Hostile strings in every string input of every mutation (issue 5): SQL, JSON, GraphQL, control
// characters, a 1 MB string. Each mutation of the API schema is called at its owning subgraph (as ADMIN,
// so authorization is not what stops it) with an input built from the schema — ids of real seeded rows,
// the payload in every String — and must answer with the payload stored verbatim or a coded client error
// (never INTERNAL_SERVER_ERROR, never a stack trace); a refused call must change nothing in any table of
// the owning subgraph, and a call that succeeds must store the payload unchanged.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType,
  type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { credentialHeaders, startStack, type Stack } from '@cmgraph/testkit';

const schemaDir = path.resolve(__dirname, '../schema');
const api: GraphQLSchema = buildSchema(readFileSync(path.join(schemaDir, 'api.graphql'), 'utf8'));

const PAYLOADS: Record<string, string> = {
  sql: "x'); DROP TABLE supplier; --",
  sqlTautology: "' OR '1'='1' --",
  json: '{"$ne":null,"__proto__":{"isAdmin":true},"a":"\\"}',
  graphql: '") { id } } mutation { createSupplier(input: {}) { id } } #',
  control: 'a\u0001b\u001bc\u007fd\u202ee\r\n\tf',
  nul: 'before\u0000after',
  unicode: 'Ünïcødé ✓ 𝔘 漢字 🧪 \u200b',
  megabyte: 'x'.repeat(1_048_576),
};

/** Mutation name → the subgraph that owns it (from the subgraph SDLs). */
function owners(): Map<string, string> {
  const map = new Map<string, string>();
  for (const name of ['orders', 'inventory', 'production', 'quality', 'suppliers', 'sustainability']) {
    const sdl = readFileSync(path.join(schemaDir, `${name}.graphql`), 'utf8');
    const block = /\ntype Mutation \{([\s\S]*?)\n\}/.exec(sdl)?.[1] ?? '';
    const withoutDocs = block.replace(/"""[\s\S]*?"""/g, '').replace(/"[^"\n]*"/g, '');
    for (const m of withoutDocs.matchAll(/^ {2}(\w+)[(:]/gm)) map.set(m[1]!, name);
  }
  return map;
}

let stack: Stack;
/** Entity class name → a seeded id (ids in inputs point at real rows, so mutations get past lookups). */
const sample = new Map<string, string>();
beforeAll(async () => {
  stack = await startStack();
  await stack.seed('small');
  for (const running of Object.values(stack.subgraphs)) {
    const orm = running.server.orm;
    for (const meta of orm.getMetadata().getAll().values()) {
      if (!meta.tableName || meta.className.endsWith('Event') || sample.has(meta.className)) continue;
      const columns = meta.primaryKeys;
      if (columns.length !== 1 || columns[0] !== 'id') continue;
      const [row] = await orm.em.fork().execute<{ id: string }[]>(`select id from "${meta.tableName}" order by id limit 1`);
      if (row) sample.set(meta.className, row.id);
    }
  }
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

/** `shipFromFacilityId` → the sample of Facility: the longest known entity name its words end with. */
function idFor(field: string, fallbackType?: string): string {
  const words = field.replace(/Ids?$/, '').replace(/^./, (c) => c.toUpperCase()).split(/(?=[A-Z])/);
  for (let i = 0; i < words.length; i++) {
    const id = sample.get(words.slice(i).join(''));
    if (id) return id;
  }
  return (fallbackType && sample.get(fallbackType)) ?? '0190a000-0000-7000-8000-000000000000';
}

interface Built {
  value: unknown;
  /** Input paths (field names) that carry the payload. */
  stringFields: string[];
}

function build(type: GraphQLInputType, field: string, payload: string, ctx: { depth: number; returnType?: string; big: { used: boolean } }, out: string[]): unknown {
  if (isNonNullType(type)) return build(type.ofType, field, payload, ctx, out);
  if (isListType(type)) return [build(type.ofType, field, payload, ctx, out)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    if (ctx.depth > 4) return undefined;
    const value: Record<string, unknown> = {};
    for (const [name, f] of Object.entries(type.getFields())) {
      const built = build(f.type, name, payload, { ...ctx, depth: ctx.depth + 1 }, out);
      if (built !== undefined) value[name] = built;
    }
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return idFor(field, field === 'id' ? ctx.returnType : undefined);
      case 'String':
        // one megabyte string per request (the subgraph's body limit is 2 MB): the other strings stay short
        if (payload.length > 1000) {
          if (ctx.big.used) return 'short';
          ctx.big.used = true;
        }
        out.push(field);
        return payload;
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return true;
      case 'DateTime':
        return new Date(Date.now() + 86_400_000).toISOString();
      case 'LocalDate':
        return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      default:
        return payload;
    }
  }
  return undefined;
}

/** Row counts of every table of a subgraph in one statement (what a refused call must leave alone). */
async function counts(subgraph: string): Promise<Record<string, number>> {
  const orm = stack.subgraphs[subgraph]!.server.orm;
  const tables = await orm.em.fork().execute<{ table_name: string }[]>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const sql = `select ${tables.map((t, i) => `(select count(*) from "${t.table_name}")::int as t${i}`).join(', ')}`;
  const [row] = await orm.em.fork().execute<Record<string, number>[]>(sql);
  return Object.fromEntries(tables.map((t, i) => [t.table_name, row![`t${i}`]!]));
}

describe('hostile strings in every string input of every mutation', () => {
  it('are stored verbatim or refused with a client code, and a refusal changes nothing', async () => {
    const owner = owners();
    const mutations = Object.values(api.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(40);
    const outcomes: Record<string, number> = {};
    const failures: string[] = [];
    let stored = 0;
    for (const mutation of mutations as GraphQLField<unknown, unknown>[]) {
      const subgraph = owner.get(mutation.name);
      expect({ mutation: mutation.name, subgraph }).toEqual({ mutation: mutation.name, subgraph: expect.any(String) });
      const returnType = getNamedType(mutation.type);
      const stringOut = isObjectType(returnType)
        ? Object.values(returnType.getFields()).filter((f) => getNamedType(f.type).name === 'String' && !f.args.length).map((f) => f.name)
        : [];
      const selection = isObjectType(returnType) ? `{ __typename ${stringOut.join(' ')} }` : '';
      const args = mutation.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const vars = mutation.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const document = `mutation${vars ? `(${vars})` : ''} { result: ${mutation.name}${args ? `(${args})` : ''} ${selection} }`;
      for (const [kind, payload] of Object.entries(PAYLOADS)) {
        const stringFields: string[] = [];
        const ctx = { depth: 0, returnType: returnType.name, big: { used: false } };
        const variables = Object.fromEntries(mutation.args.map((a) => [a.name, build(a.type, a.name, payload, ctx, stringFields)]));
        if (!stringFields.length) continue;
        const before = await counts(subgraph!);
        const response = await stack.subgraph(subgraph!)<{ result: Record<string, unknown> | null }>(document, variables);
        const codes = (response.errors ?? []).map((e) => String(e.extensions?.code));
        const outcome = codes.length ? codes[0]! : 'STORED';
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        const where = `${mutation.name} with ${kind}`;
        if (codes.includes('INTERNAL_SERVER_ERROR') || codes.includes('undefined')) failures.push(`${where}: ${JSON.stringify(response.errors)}`);
        if ((response.errors ?? []).some((e) => /\n\s+at /.test(e.message) || 'stacktrace' in (e.extensions ?? {}))) failures.push(`${where}: stack trace`);
        if (codes.length) {
          const after = await counts(subgraph!);
          if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${where}: refused (${outcome}) but rows changed`);
        } else if (response.data?.result) {
          stored++;
          // every returned String field named like an input field that carried the payload holds it unchanged
          for (const f of stringOut.filter((f) => stringFields.includes(f))) {
            const value = response.data.result[f];
            if (value !== null && value !== payload) failures.push(`${where}: ${f} stored as ${JSON.stringify(String(value).slice(0, 80))}`);
          }
        }
      }
    }
    if (process.env.INJECTION_REPORT) process.stdout.write(`${JSON.stringify({ stored, outcomes })}\n`);
    expect(failures).toEqual([]);
    // the suite reaches storage, not only refusals, and refusals are coded
    expect({ stored, outcomes }).toEqual({ stored: expect.any(Number), outcomes: expect.any(Object) });
    expect(stored).toBeGreaterThan(10);
    expect(outcomes.INTERNAL_SERVER_ERROR).toBeUndefined();
    expect(Object.keys(outcomes).every((code) => /^[A-Z_]+$/.test(code))).toBe(true);
  });

  it('an oversized or malformed body to a subgraph gets a coded answer, not an error page', async () => {
    const url = `${stack.subgraphs.orders!.http.url}`;
    const headers = { 'content-type': 'application/json', ...(await credentialHeaders()) };
    const big = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: `{ __typename }`, variables: { x: 'x'.repeat(3_000_000) } }) });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const broken = await fetch(url, { method: 'POST', headers, body: '{"query": "{ __typename }"' });
    expect(broken.status).toBe(400);
    const text = await broken.text();
    expect(text).not.toMatch(/\n\s+at /);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
