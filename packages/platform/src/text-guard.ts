// Text PostgreSQL cannot hold: a NUL character (U+0000) in a bound parameter breaks the wire protocol
// (and `text`/`jsonb` refuse it anyway). Any string in a request's variables or inline arguments that
// carries one is refused up front with BAD_USER_INPUT naming where it is — before any resolver runs, so
// nothing is read or written with it. Every other character is stored as given.
import { GraphQLError, visit, type DocumentNode } from 'graphql';

const NUL = '\u0000';

function findNul(value: unknown, at: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? at : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${at}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(item, at ? `${at}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Throws BAD_USER_INPUT when a variable or an inline string argument contains a NUL character. */
export function refuseNulCharacters(variables: Record<string, unknown> | undefined, document: DocumentNode | undefined): void {
  let field = findNul(variables ?? {}, '');
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
