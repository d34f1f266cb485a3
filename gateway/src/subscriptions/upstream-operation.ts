// The operation the gateway sends to the owning subgraph: the planner's primary fetch, made resumable.
// When the subscription field takes `after` and its event type has a `cursor`, the event's cursor is
// always selected (under a private alias when the client did not select it, removed again before the
// client's result is built) and `after` is fed from a private variable, so that after a dropped
// connection the gateway resubscribes from the last cursor it delivered.
import {
  Kind,
  getNamedType,
  isInterfaceType,
  isObjectType,
  parse,
  parseType,
  print,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { FetchNode } from '@apollo/query-planner';

export interface UpstreamOperation {
  serviceName: string;
  query: string;
  operationName?: string;
  /** Response name of the subscription field in the upstream data (empty when not found). */
  fieldResponseName: string;
  /** Key of the cursor inside the event object, or null when the subscription cannot be resumed. */
  cursorKey: string | null;
  /** True when `cursorKey` is the gateway's own alias, which the client must never see. */
  privateCursor: boolean;
  /** The private variable that feeds `after`, or null when the subscription cannot be resumed. */
  afterVariable: string | null;
  /** How the client gave `after`: a literal, one of its variables, or not at all (null). */
  clientAfter: { literal: string | null } | { variable: string } | null;
  /** The upstream operation's variables other than the private one, taken from the client's. */
  variables: string[];
}

const PRIVATE_CURSOR = '__cursor';
const PRIVATE_AFTER = '__after';

export function upstreamOperation(primary: FetchNode, schema: GraphQLSchema): UpstreamOperation {
  const document = parse(primary.operation);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const plain: UpstreamOperation = {
    serviceName: primary.serviceName,
    query: primary.operation,
    operationName: primary.operationName,
    fieldResponseName: '',
    cursorKey: null,
    privateCursor: false,
    afterVariable: null,
    clientAfter: null,
    variables: (operation?.variableDefinitions ?? []).map((v) => v.variable.name.value),
  };
  const roots = operation?.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value === '__typename'));
  const field = roots?.length === 1 && roots[0]!.kind === Kind.FIELD ? roots[0] : undefined;
  if (!operation || !field) return plain;
  plain.fieldResponseName = field.alias?.value ?? field.name.value;

  const definition = schema.getSubscriptionType()?.getFields()[field.name.value];
  const eventType = definition ? getNamedType(definition.type) : undefined;
  const afterArgument = definition?.args.find((arg) => arg.name === 'after');
  const hasCursor = (isObjectType(eventType) || isInterfaceType(eventType)) && 'cursor' in eventType.getFields();
  if (!afterArgument || !hasCursor || !field.selectionSet) return plain;

  // the cursor: the client's own selection of it when plain, else the private alias
  const selections = field.selectionSet.selections;
  const selected = selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'cursor' && !s.directives?.length,
  );
  const responseNames = new Set(selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.alias?.value ?? s.name.value] : [])));
  const cursorKey = selected ? (selected.alias?.value ?? 'cursor') : unused(PRIVATE_CURSOR, responseNames);
  const cursorSelections = selected
    ? selections
    : [...selections, { kind: Kind.FIELD, alias: name(cursorKey), name: name('cursor') } as FieldNode];

  // `after` from a private variable
  const variableNames = new Set((operation.variableDefinitions ?? []).map((v) => v.variable.name.value));
  const afterVariable = unused(PRIVATE_AFTER, variableNames);
  const given = field.arguments?.find((arg) => arg.name.value === 'after');
  const argumentsWithAfter: ArgumentNode[] = [
    ...(field.arguments ?? []).filter((arg) => arg !== given),
    { kind: Kind.ARGUMENT, name: name('after'), value: { kind: Kind.VARIABLE, name: name(afterVariable) } },
  ];
  const afterDefinition: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: name(afterVariable) },
    type: parseType(String(afterArgument.type)),
  };

  const rewrittenField: FieldNode = {
    ...field,
    arguments: argumentsWithAfter,
    selectionSet: { ...field.selectionSet, selections: cursorSelections },
  };
  const rewritten: OperationDefinitionNode = {
    ...operation,
    variableDefinitions: [...(operation.variableDefinitions ?? []), afterDefinition],
    selectionSet: {
      ...operation.selectionSet,
      selections: operation.selectionSet.selections.map((s) => (s === field ? rewrittenField : s)),
    },
  };
  const withoutUnused = dropUnusedVariables({
    ...document,
    definitions: document.definitions.map((d) => (d === operation ? rewritten : d)),
  });
  const finalOperation = withoutUnused.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return {
    ...plain,
    query: print(withoutUnused),
    cursorKey,
    privateCursor: !selected,
    afterVariable,
    clientAfter: clientAfter(given?.value),
    variables: (finalOperation.variableDefinitions ?? [])
      .map((v) => v.variable.name.value)
      .filter((v) => v !== afterVariable),
  };
}

/** The cursor the client asked to start after (its `after`), or null. */
export function startCursor(operation: UpstreamOperation, variables: Record<string, unknown>): string | null {
  const after = operation.clientAfter;
  if (!after) return null;
  const value = 'variable' in after ? variables[after.variable] : after.literal;
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The variables sent upstream: the client's values of the operation's variables, `after` = `cursor`. */
export function upstreamVariables(
  operation: UpstreamOperation,
  variables: Record<string, unknown>,
  cursor: string | null,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of operation.variables) {
    if (variables[name] !== undefined) values[name] = variables[name];
  }
  if (operation.afterVariable && cursor !== null) values[operation.afterVariable] = cursor;
  return values;
}

/** The event's cursor, with the private alias taken out of the event. */
export function takeCursor(operation: UpstreamOperation, data: Record<string, unknown> | null | undefined): string | null {
  if (!operation.cursorKey) return null;
  const event = data?.[operation.fieldResponseName];
  if (!event || typeof event !== 'object') return null;
  const record = event as Record<string, unknown>;
  const cursor = record[operation.cursorKey];
  if (operation.privateCursor) delete record[operation.cursorKey];
  return typeof cursor === 'string' ? cursor : null;
}

function clientAfter(value: ValueNode | undefined): UpstreamOperation['clientAfter'] {
  if (!value) return null;
  if (value.kind === Kind.VARIABLE) return { variable: value.name.value };
  if (value.kind === Kind.STRING) return { literal: value.value };
  return { literal: null };
}

function dropUnusedVariables(document: DocumentNode): DocumentNode {
  const used = new Set<string>();
  for (const definition of document.definitions) {
    const body = definition.kind === Kind.OPERATION_DEFINITION ? { ...definition, variableDefinitions: [] } : definition;
    visit(body, {
      Variable: (node) => {
        used.add(node.name.value);
      },
    });
  }
  return {
    ...document,
    definitions: document.definitions.map((d) =>
      d.kind === Kind.OPERATION_DEFINITION
        ? { ...d, variableDefinitions: d.variableDefinitions?.filter((v) => used.has(v.variable.name.value)) }
        : d,
    ),
  };
}

function unused(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let i = 1; taken.has(candidate); i++) candidate = `${base}${i}`;
  return candidate;
}

function name(value: string) {
  return { kind: Kind.NAME, value } as const;
}
