// Composition of a SUBSET of the subgraphs (what most test stacks start): a subgraph may declare fields
// @external whose owner is not among them — suppliers' SupplierScorecard.otif, owned by orders — and
// Federation refuses an @external field nobody defines (and one no directive uses). Dropping such fields,
// the fields that @require them, and the @external fields only those required, composes what the subset
// can actually serve. Keys (@key) and @provides are not touched; a no-op when every owner is present.
import { Kind, visit, type DocumentNode, type FieldDefinitionNode, type StringValueNode } from 'graphql';

export interface SubgraphSdl {
  name: string;
  typeDefs: DocumentNode;
}

type TypeNodeWithFields = { name: { value: string }; fields?: readonly FieldDefinitionNode[] };
const OBJECT_KINDS = new Set<string>([Kind.OBJECT_TYPE_DEFINITION, Kind.OBJECT_TYPE_EXTENSION]);

const hasDirective = (field: FieldDefinitionNode, name: string) => field.directives?.some((d) => d.name.value === name) ?? false;

/** The field names a `@requires(fields: "…")` selection mentions (every name, nested ones included). */
function requiredNames(field: FieldDefinitionNode): string[] {
  const requires = field.directives?.find((d) => d.name.value === 'requires');
  const fields = requires?.arguments?.find((a) => a.name.value === 'fields')?.value as StringValueNode | undefined;
  return fields ? fields.value.match(/[_A-Za-z][_0-9A-Za-z]*/g) ?? [] : [];
}

function eachObjectType(document: DocumentNode, visitType: (type: TypeNodeWithFields) => void): void {
  for (const definition of document.definitions) if (OBJECT_KINDS.has(definition.kind)) visitType(definition as unknown as TypeNodeWithFields);
}

export function withoutUnownedExternals(subgraphs: SubgraphSdl[]): SubgraphSdl[] {
  const owned = new Set<string>();
  for (const subgraph of subgraphs) {
    eachObjectType(subgraph.typeDefs, (type) => {
      for (const field of type.fields ?? []) if (!hasDirective(field, 'external')) owned.add(`${type.name.value}.${field.name.value}`);
    });
  }
  return subgraphs.map((subgraph) => {
    // an @external field nobody owns; the fields that @require it; and @external fields only those required
    const dropped = new Set<string>();
    eachObjectType(subgraph.typeDefs, (type) => {
      const typeName = type.name.value;
      const fields = type.fields ?? [];
      const unowned = fields.filter((f) => hasDirective(f, 'external') && !owned.has(`${typeName}.${f.name.value}`)).map((f) => f.name.value);
      if (!unowned.length) return;
      const requiring = fields.filter((f) => requiredNames(f).some((n) => unowned.includes(n)));
      const stillRequired = new Set(fields.filter((f) => !requiring.includes(f)).flatMap(requiredNames));
      const orphaned = requiring.flatMap(requiredNames).filter((n) => !stillRequired.has(n) && fields.some((f) => f.name.value === n && hasDirective(f, 'external')));
      for (const name of [...unowned, ...requiring.map((f) => f.name.value), ...orphaned]) dropped.add(`${typeName}.${name}`);
    });
    if (!dropped.size) return subgraph;
    const objectType = (node: TypeNodeWithFields) => ({ ...node, fields: node.fields?.filter((f) => !dropped.has(`${node.name.value}.${f.name.value}`)) });
    const typeDefs = visit(subgraph.typeDefs, {
      [Kind.OBJECT_TYPE_DEFINITION]: objectType,
      [Kind.OBJECT_TYPE_EXTENSION]: objectType,
    } as never) as DocumentNode;
    return { ...subgraph, typeDefs };
  });
}
