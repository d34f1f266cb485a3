// The scorecard contract composes: suppliers' SupplierScorecard (owner, `score` @requires the figures of
// orders, quality and sustainability, declared @external with the contract's types) with the three
// contributors' stubs as the contract declares them. Also: what a stack without some contributors needs
// (their fields dropped from suppliers' SDL before composing, see packages/devstack/src/compose/subset.ts).
import { describe, expect, it } from '@jest/globals';
import { printSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { subgraphSchema } from '@cmgraph/platform';
import { suppliers } from '../src';
import { contributorSdl, type ContributorName } from './support/scorecard-contributors';
import { withoutUnownedExternals, type SubgraphSdl } from '../../../packages/devstack/src/compose/subset';

const suppliersSdl = async () => printSubgraphSchema(await subgraphSchema(suppliers));
const subgraphs = async (contributors: ContributorName[]): Promise<SubgraphSdl[]> => [
  { name: 'suppliers', typeDefs: parse(await suppliersSdl()) },
  ...contributors.map((name) => ({ name, typeDefs: parse(contributorSdl(name)) })),
];
const compose = (list: SubgraphSdl[]) => composeServices(list.map((s) => ({ ...s, url: `http://${s.name}.invalid/graphql` })));
const typeBlock = (sdl: string, name: string) => sdl.slice(sdl.indexOf(`type ${name} `), sdl.indexOf('}', sdl.indexOf(`type ${name} `)) + 1);

describe('the scorecard contract in the suppliers subgraph', () => {
  it('declares SupplierScorecard keyed by supplierId and period, the figures @external with the contract\'s types, and score @requires them', async () => {
    const block = typeBlock(await suppliersSdl(), 'SupplierScorecard').replace(/"""[^]*?"""\s*/g, '');
    expect(block).toContain('type SupplierScorecard @key(fields: "supplierId period")');
    for (const line of [
      'supplierId: ID!', 'period: String!', 'from: LocalDate!', 'to: LocalDate!', 'supplier: Supplier!', 'certificationStatus: CertificationStanding!',
      'otif: Float @external', 'fillRate: Float @external', 'ppm: Float @external', 'firstPassYield: Float @external', 'renewableShare: Float @external',
      'linesDue: Int! @external', 'inspections: Int! @external',
      'score(weights: ScorecardWeightsInput): SupplierScore @requires(fields: "otif fillRate ppm firstPassYield renewableShare linesDue inspections")',
    ]) expect(block).toContain(line);
  });

  it('composes with the three contributors: the gateway plans score after their figures', async () => {
    const result = compose(await subgraphs(['orders', 'quality', 'sustainability']));
    expect(result.errors).toBeUndefined();
    expect(result.supergraphSdl).toContain('@join__field(graph: SUPPLIERS, requires: "otif fillRate ppm firstPassYield renewableShare linesDue inspections")');
    const api = printSchema(result.schema!.toAPISchema().toGraphQLJSSchema());
    const card = typeBlock(api, 'SupplierScorecard');
    for (const field of ['averageDaysLate: Float', 'acknowledgementLatencyHours: Float', 'openCorrectiveActions: Int!', 'carbonIntensity: Float', 'score(weights: ScorecardWeightsInput): SupplierScore']) {
      expect(card).toContain(field);
    }
    expect(api).toContain('scorecard(period: String!): SupplierScorecard!');
    expect(api).toMatch(/supplierScorecards\(\s*"""[^]*?period: String![^]*?\): SupplierScorecardConnection!/);
    expect(api).toMatch(/singleSourceRisk\([^]*?\): SingleSourceRiskRowConnection!/);
  });

  it('alone it does not compose (an @external field nobody owns): a subset stack drops those fields and score with them', async () => {
    const alone = compose(await subgraphs([]));
    expect(alone.errors?.map((e) => e.message)).toContain('Field "SupplierScorecard.otif" is marked @external on all the subgraphs in which it is listed (subgraph "suppliers").');
    for (const contributors of [[], ['orders'], ['orders', 'quality']] as ContributorName[][]) {
      const pruned = compose(withoutUnownedExternals(await subgraphs(contributors)));
      expect({ contributors, errors: pruned.errors }).toEqual({ contributors, errors: undefined });
      const card = typeBlock(printSchema(pruned.schema!.toAPISchema().toGraphQLJSSchema()), 'SupplierScorecard');
      expect(card).not.toContain('score(');
      expect(card).toContain('certificationStatus');
    }
    const all = await subgraphs(['orders', 'quality', 'sustainability']);
    expect(withoutUnownedExternals(all)).toEqual(all); // nothing to drop when every owner is there
  });
});
