// Measures one operation over the graphql-js AST against the API schema, in a single walk with the
// fragments expanded: depth, aliases, root fields and an estimated cost. Cost: every field costs 1 times
// the product of the list sizes above it. A field's list size is its `first`/`last`/`limit` argument
// (the variable's value, the literal, or the argument's default); a sized field that returns an object
// (a connection) passes its size to the lists directly inside it (`nodes`, `edges`), which then count
// once; any other list field counts `defaultListSize`. @skip/@include are ignored (an over-estimate).
import {
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface OperationMeasure {
  depth: number;
  aliases: number;
  rootFields: number;
  cost: number;
  /** True when the walk stopped early because `cost` passed `stopAboveCost` (the other counts are then lower bounds). */
  truncated: boolean;
  /** `__schema` or `__type` was selected. */
  introspection: boolean;
}

export interface MeasureOptions {
  defaultListSize: number;
  /** Stop walking once the cost passes this (a fragment bomb must not walk forever). */
  stopAboveCost: number;
}

const SIZE_ARGUMENTS = ['first', 'last', 'limit'];

export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | undefined,
  options: MeasureOptions,
): OperationMeasure {
  const measure: OperationMeasure = { depth: 0, aliases: 0, rootFields: 0, cost: 0, truncated: false, introspection: false };
  const variableValues = coerceVariables(schema, operation, variables);
  const root = schema.getRootType(operation.operation);

  const walk = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType | undefined,
    depth: number,
    multiplier: number,
    pagedByParent: boolean,
    inFragments: ReadonlySet<string>,
  ): void => {
    for (const selection of selectionSet.selections) {
      if (measure.truncated) return;
      if (selection.kind === Kind.FIELD) {
        if (depth === 1) measure.rootFields += 1;
        if (selection.alias) measure.aliases += 1;
        if (selection.name.value === '__schema' || selection.name.value === '__type') measure.introspection = true;
        measure.depth = Math.max(measure.depth, depth);
        measure.cost += multiplier;
        if (measure.cost > options.stopAboveCost) {
          measure.truncated = true;
          return;
        }
        if (!selection.selectionSet) continue;
        const field = fieldDefinition(schema, parentType, selection);
        const size = field ? listSize(field, selection, variableValues, pagedByParent, options.defaultListSize) : { size: 1, paged: false };
        const named = field ? getNamedType(field.type) : undefined;
        walk(selection.selectionSet, isCompositeType(named) ? named : undefined, depth + 1, multiplier * size.size, size.paged, inFragments);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        walk(selection.selectionSet, isCompositeType(type) ? type : parentType, depth, multiplier, pagedByParent, inFragments);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || inFragments.has(name)) continue; // unknown or cyclic: validation reports it
        const type = schema.getType(fragment.typeCondition.name.value);
        const next = new Set(inFragments).add(name);
        walk(fragment.selectionSet, isCompositeType(type) ? type : parentType, depth, multiplier, pagedByParent, next);
      }
    }
  };

  walk(operation.selectionSet, root ?? undefined, 1, 1, false, new Set());
  return measure;
}

function fieldDefinition(
  schema: GraphQLSchema,
  parentType: GraphQLCompositeType | undefined,
  node: FieldNode,
): GraphQLField<unknown, unknown> | undefined {
  const name = node.name.value;
  if (name === '__typename') return TypeNameMetaFieldDef;
  if (parentType === schema.getQueryType()) {
    if (name === '__schema') return SchemaMetaFieldDef;
    if (name === '__type') return TypeMetaFieldDef;
  }
  if (isObjectType(parentType) || isInterfaceType(parentType)) return parentType.getFields()[name];
  return undefined;
}

/** The list size a field multiplies its selection by, and whether it passes that size to its inner lists. */
function listSize(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variableValues: Record<string, unknown>,
  pagedByParent: boolean,
  defaultListSize: number,
): { size: number; paged: boolean } {
  const returnsList = isListType(getNullableType(field.type));
  const sizeArgument = field.args.find((arg) => SIZE_ARGUMENTS.includes(arg.name));
  if (sizeArgument) {
    const value = argumentValue(field, node, variableValues, sizeArgument.name);
    if (typeof value === 'number' && Number.isFinite(value)) {
      const size = Math.max(0, Math.floor(value));
      return { size, paged: !returnsList };
    }
  }
  if (!returnsList) return { size: 1, paged: false };
  return { size: pagedByParent ? 1 : defaultListSize, paged: false };
}

function argumentValue(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variableValues: Record<string, unknown>,
  name: string,
): unknown {
  try {
    return getArgumentValues(field, node, variableValues)[name];
  } catch {
    // a missing or invalid variable: execution will refuse it; estimate with the argument's default
    return field.args.find((arg) => arg.name === name)?.defaultValue;
  }
}

function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if ('coerced' in coerced && coerced.coerced) return coerced.coerced;
  return {};
}

