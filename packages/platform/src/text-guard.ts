// Text PostgreSQL cannot hold: a NUL character (U+0000) in a bound parameter breaks the wire protocol
// (and `text`/`jsonb` refuse it anyway). Any string in a request's variables or inline arguments that
// carries one is refused up front with BAD_USER_INPUT naming where it is — before any resolver runs, so
// nothing is read or written with it. Every other character is stored as given.
import { GraphQLError, visit, type DocumentNode } from 'graphql';

const NUL = '\u0000';

/** The path of the first string holding a NUL, as `a.b[2].c`, or null; the path is built only when one is found. */
function findNul(value: unknown): (string | number)[] | null {
  if (typeof value === 'string') return value.includes(NUL) ? [] : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i]);
      if (found) return [i, ...found];
    }
  } else if (value && typeof value === 'object') {
    for (const key in value) {
      const found = findNul((value as Record<string, unknown>)[key]);
      if (found) return [key, ...found];
    }
  }
  return null;
}

const pathText = (path: (string | number)[]) =>
  path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i ? `.${step}` : step)).join('');

/** Throws BAD_USER_INPUT when a variable or an inline string argument contains a NUL character. */
export function refuseNulCharacters(variables: Record<string, unknown> | undefined, document: DocumentNode | undefined): void {
  const found = findNul(variables ?? {});
  let field = found ? pathText(found) : null;
  if (!field && document) {
    visit(document, {
      StringValue(node) {
        if (!field && node.value.includes(NUL)) field = 'argument';
      },
    });
  }
  if (field) {
    throw new GraphQLError(`${field}: text must not contain the NUL character (U+0000)`, {
      extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
    });
  }
}
