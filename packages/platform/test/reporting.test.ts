// Report building blocks of the kit: periods and paging over computed rows.
import { describe, expect, it } from '@jest/globals';
import { monthsBetween, paginateRows, parsePeriod } from '@cmgraph/platform';

describe('parsePeriod', () => {
  it('reads years, quarters and months as [from, to)', () => {
    expect(parsePeriod('2026')).toEqual({ label: '2026', from: '2026-01-01', to: '2027-01-01' });
    expect(parsePeriod('2026-Q1')).toEqual({ label: '2026-Q1', from: '2026-01-01', to: '2026-04-01' });
    expect(parsePeriod('2026-Q4')).toEqual({ label: '2026-Q4', from: '2026-10-01', to: '2027-01-01' });
    expect(parsePeriod('2026-02')).toEqual({ label: '2026-02', from: '2026-02-01', to: '2026-03-01' });
    expect(parsePeriod('2026-12')).toEqual({ label: '2026-12', from: '2026-12-01', to: '2027-01-01' });
  });

  it('refuses anything else with BAD_USER_INPUT naming the field', () => {
    for (const bad of ['2026-13', '2026-Q5', '26', '2026-1', 'last year', '2026-Q1; drop table x']) {
      expect(() => parsePeriod(bad, 'filter.period')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'filter.period' }) }));
    }
  });

  it('lists the months of a window', () => {
    expect(monthsBetween('2026-11-01', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthsBetween('2026-11-01', '2026-11-01')).toEqual([]);
  });
});

describe('paginateRows', () => {
  const rows = ['c', 'a', 'e', 'b', 'd'].map((key) => ({ key }));
  it('pages in key order; a row appearing before the cursor never shifts the next page', async () => {
    const first = paginateRows(rows, (r) => r.key, { first: 2 });
    expect(first.nodes.map((r) => r.key)).toEqual(['a', 'b']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const grown = [...rows, { key: 'aa' }];
    const second = paginateRows(grown, (r) => r.key, { first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes.map((r) => r.key)).toEqual(['c', 'd']);
    const last = paginateRows(grown, (r) => r.key, { first: 2, after: second.pageInfo.endCursor });
    expect(last.nodes.map((r) => r.key)).toEqual(['e']);
    expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: last.edges[0]!.cursor });
    expect(await last.countTotal()).toBe(6);
  });

  it('refuses a cursor from elsewhere', () => {
    expect(() => paginateRows(rows, (r) => r.key, { first: 2, after: Buffer.from('id:x').toString('base64url') })).toThrow(/not a cursor/);
  });
});
