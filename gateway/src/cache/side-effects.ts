// Reads that must never be answered from a cache (nor share one upstream fetch between requests),
// because resolving them is itself an act the platform records: the ONE list, matched against an
// operation's selections through the schema (the named type each selected field returns, abstract types
// expanded to their possible types), so a new field returning one of these types is covered without
// touching this file.
//
// Found by reading the subgraphs' resolvers for writes outside mutations (insert, flush, access logging):
// only the suppliers data room writes on reads (data-room-access.recorder.ts). Every other read is a pure
// function of the data and of the caller's roles and supplier.
import {
  TypeInfo,
  getNamedType,
  isAbstractType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** Type name → why a selection reaching it is never cached. */
export const SIDE_EFFECT_TYPES: Readonly<Record<string, string>> = {
  // every document a request returns is logged READ (or DENIED) per request, with the reader's identity
  // and address: a cached answer would skip a log row (dataRoomDocuments, dataRoomDocument,
  // DataRoomShare.document, DataRoomDownload.document, _entities of DataRoomDocument)
  DataRoomDocument: 'data-room reads are logged per access',
  // a download is logged DOWNLOAD and watermarked with the reader's subject and the access id
  DataRoomDownload: 'data-room downloads are logged and watermarked per user',
  // the access log grows with every read above, which no mutation or event announces
  DataRoomAccess: 'the data-room access log changes on reads',
};

/** The side-effect types an operation's selections reach (empty: cacheable as far as side effects go). */
export function sideEffectTypesOf(schema: GraphQLSchema, document: DocumentNode): string[] {
  const found = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const check = (type: GraphQLNamedType) => {
    const candidates = isAbstractType(type) ? schema.getPossibleTypes(type) : [type];
    for (const candidate of candidates) if (candidate.name in SIDE_EFFECT_TYPES) found.add(candidate.name);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        if (type) check(getNamedType(type));
      },
      InlineFragment() {
        const type = typeInfo.getType();
        if (type) check(getNamedType(type));
      },
    }),
  );
  return [...found];
}

/**
 * sideEffectTypesOf, remembered per parsed document (Apollo Server reuses one per query text). The whole
 * document is visited, other operations and unused fragments included: that can only say "side effects"
 * more often, never less.
 */
export class SideEffectClassifier {
  private readonly known = new WeakMap<DocumentNode, boolean>();

  hasSideEffects(schema: GraphQLSchema, document: DocumentNode): boolean {
    let result = this.known.get(document);
    if (result === undefined) {
      result = sideEffectTypesOf(schema, document).length > 0;
      this.known.set(document, result);
    }
    return result;
  }
}
