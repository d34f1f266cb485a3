// Sample size and acceptance number by ISO 2859-1: single sampling, normal inspection, general
// inspection level II. Table 1 gives the sample-size code letter for a lot size; Table 2-A gives, per
// code letter and AQL, the sample size and acceptance number Ac (reject the lot when the defectives in
// the sample exceed Ac), or an arrow to the first plan below (↓) or above (↑), whose sample size then
// applies. When that sample size reaches the lot size, every unit is inspected.

/** Table 1, level II: the largest lot size of each code letter A…Q. */
const CODE_LETTERS: [maxLotSize: number, letter: string][] = [
  [8, 'A'], [15, 'B'], [25, 'C'], [50, 'D'], [90, 'E'], [150, 'F'], [280, 'G'], [500, 'H'], [1_200, 'J'],
  [3_200, 'K'], [10_000, 'L'], [35_000, 'M'], [150_000, 'N'], [500_000, 'P'], [Infinity, 'Q'],
];

/** Table 2-A: sample size of each code letter (R is only reached through arrows). */
const SAMPLE_SIZES: Record<string, number> = {
  A: 2, B: 3, C: 5, D: 8, E: 13, F: 20, G: 32, H: 50, J: 80, K: 125, L: 200, M: 315, N: 500, P: 800, Q: 1_250, R: 2_000,
};
const LETTERS = Object.keys(SAMPLE_SIZES);

/**
 * The AQLs supported, each with the code letter where its column of Table 2-A reads 0/1. Every column
 * has the same shape from there down the diagonal: 0, ↑, ↓, 1, 2, 3, 5, 7, 10, 14, 21, then ↑.
 */
const FIRST_PLAN_LETTER: Record<string, string> = { '0.65': 'F', '1': 'E', '1.5': 'D', '2.5': 'C', '4': 'B', '6.5': 'A' };
export const SUPPORTED_AQLS = [0.65, 1.0, 1.5, 2.5, 4.0, 6.5];

type Cell = number | 'up' | 'down';
const DIAGONAL: Cell[] = [0, 'up', 'down', 1, 2, 3, 5, 7, 10, 14, 21];

export interface SamplingPlan {
  codeLetter: string;
  /** Units to inspect, at most the lot size. */
  sampleSize: number;
  /** The lot is rejected when more than this many sampled units are defective. */
  acceptanceNumber: number;
}

export function codeLetter(lotSize: number): string {
  return CODE_LETTERS.find(([max]) => lotSize <= max)![1];
}

function cell(letterIndex: number, firstIndex: number): Cell {
  const position = letterIndex - firstIndex;
  if (position < 0) return 'down';
  return position < DIAGONAL.length ? DIAGONAL[position]! : 'up';
}

export function isSupportedAql(aql: number): boolean {
  return String(aql) in FIRST_PLAN_LETTER;
}

/** The ISO 2859-1 plan for a lot; `aql` must be one of SUPPORTED_AQLS. */
export function aqlSamplingPlan(lotSize: number, aql: number): SamplingPlan {
  const first = FIRST_PLAN_LETTER[String(aql)];
  if (!first) throw new Error(`AQL ${aql} is not supported (${SUPPORTED_AQLS.join(', ')})`);
  const letter = codeLetter(lotSize);
  let index = LETTERS.indexOf(letter);
  const firstIndex = LETTERS.indexOf(first);
  let found = cell(index, firstIndex);
  while (typeof found !== 'number') {
    index += found === 'down' ? 1 : -1;
    found = cell(index, firstIndex);
  }
  return { codeLetter: letter, sampleSize: Math.min(SAMPLE_SIZES[LETTERS[index]!]!, Math.ceil(lotSize)), acceptanceNumber: found };
}

/** A fixed share of the lot (rounded up, at least one unit), and no defective unit accepted. */
export function percentSamplingPlan(lotSize: number, percent: number): SamplingPlan {
  return { codeLetter: '-', sampleSize: Math.min(Math.ceil(lotSize), Math.max(1, Math.ceil(Number(((lotSize * percent) / 100).toFixed(9))))), acceptanceNumber: 0 };
}
