// The named reports, checked once when the gateway starts: each one's document found (in the manifest,
// or its own), its list a pageable connection, its columns leaf paths of that document, its parameters
// clear of the export's own. A wrong entry stops the gateway from starting rather than failing a caller.
import { parse } from 'graphql';
import type { TrustedDocuments } from '../limits';
import { exportShape, type ExportShape } from './document';
import { EXPORT_PARAMS } from './params';
import { resolveColumns, type Column } from './rows';
import type { ReportDefinition } from './reports';

export interface ResolvedReport {
  definition: ReportDefinition;
  query: string;
  shape: ExportShape;
  columns: Column[];
}

export class ReportRegistry {
  private readonly byName = new Map<string, ResolvedReport>();

  constructor(definitions: readonly ReportDefinition[], trustedDocuments: TrustedDocuments) {
    for (const definition of definitions) {
      const where = `report ${definition.name}`;
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(definition.name)) throw new Error(`${where}: name must be lower-case words joined by dashes`);
      if (this.byName.has(definition.name)) throw new Error(`${where}: registered twice`);
      const query = definition.document ?? trustedDocuments.documentNamed(definition.operationName);
      if (!query) throw new Error(`${where}: operation ${definition.operationName} is not in the trusted-documents manifest`);
      for (const param of Object.keys(definition.params ?? {})) {
        if ((EXPORT_PARAMS as readonly string[]).includes(param)) throw new Error(`${where}: parameter ${param} is the export's own`);
      }
      try {
        const shape = exportShape(parse(query), definition.operationName, definition.list);
        this.byName.set(definition.name, { definition, query, shape, columns: resolveColumns(shape.leafPaths, definition.columns) });
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`);
      }
    }
  }

  get(name: string): ResolvedReport | undefined {
    return this.byName.get(name);
  }

  /** What GET /reports lists: each report's name, description, parameters and columns. */
  describe(): object[] {
    return [...this.byName.values()].map(({ definition, columns }) => ({
      name: definition.name,
      description: definition.description,
      formats: ['csv', 'ndjson'],
      params: definition.params ?? {},
      columns: columns.map((c) => c.header),
    }));
  }
}
