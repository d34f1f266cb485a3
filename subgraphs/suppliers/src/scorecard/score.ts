// The supplier score: the weighted total of six component scores (0–100) and its band. Pure; the
// definitions the schema documents live here and nowhere else.
import { AppError } from '@cmgraph/platform';
import { CertificationStanding } from '../certification/certification-standing';

export type ComponentName = 'otif' | 'fillRate' | 'ppm' | 'firstPassYield' | 'renewableShare' | 'certification';
/** In the order components are listed. */
export const COMPONENTS: ComponentName[] = ['otif', 'fillRate', 'ppm', 'firstPassYield', 'renewableShare', 'certification'];

export type Weights = Record<ComponentName, number>;
export const DEFAULT_WEIGHTS: Weights = { otif: 30, fillRate: 15, ppm: 20, firstPassYield: 10, renewableShare: 10, certification: 15 };

export enum ScoreBand {
  PREFERRED = 'PREFERRED',
  APPROVED = 'APPROVED',
  CONDITIONAL = 'CONDITIONAL',
  AT_RISK = 'AT_RISK',
}

/** What a scorecard knows of the period: the owners' figures (rates 0..1, null without data) and the standing. */
export interface ScoreFacts {
  otif: number | null;
  fillRate: number | null;
  ppm: number | null;
  firstPassYield: number | null;
  renewableShare: number | null;
  linesDue: number;
  inspections: number;
  certification: CertificationStanding;
}

export interface ScoreComponentValue {
  name: ComponentName;
  /** The figure scored (a rate, ppm, or the standing as 1 / 0.5 / 0); null: no data, left out. */
  value: number | null;
  /** 0–100; null when left out. */
  score: number | null;
  /** The weight applied, after re-normalisation (0 when left out). */
  weight: number;
}

export interface Score {
  total: number;
  band: ScoreBand;
  components: ScoreComponentValue[];
}

/** Each weight a whole number 0..100, together 100: otherwise BAD_USER_INPUT naming `weights`. */
export function validateWeights(weights: Weights): Weights {
  for (const name of COMPONENTS) {
    const weight = weights[name];
    if (!Number.isInteger(weight) || weight < 0 || weight > 100) {
      throw AppError.badInput('weights', `${name} must be a whole number from 0 to 100, not ${weight}`);
    }
  }
  const sum = COMPONENTS.reduce((total, name) => total + weights[name], 0);
  if (sum !== 100) throw AppError.badInput('weights', `weights must sum to 100, not ${sum}`);
  return weights;
}

const STANDING_VALUE: Record<CertificationStanding, number> = {
  [CertificationStanding.VALID]: 1,
  [CertificationStanding.EXPIRING]: 0.5,
  [CertificationStanding.EXPIRED]: 0,
  [CertificationStanding.NONE]: 0,
};

/** The figure of each component (null: no data) and its score 0–100. */
export function componentScore(name: ComponentName, facts: ScoreFacts): { value: number | null; score: number | null } {
  const value = name === 'certification' ? STANDING_VALUE[facts.certification] : facts[name];
  if (value === null || value === undefined) return { value: null, score: null };
  // 0 ppm scores 100, 10,000 ppm or more 0; every other component is its fraction × 100
  const score = name === 'ppm' ? Math.max(0, 100 - value / 100) : value * 100;
  return { value, score: tidy(score) };
}

/**
 * The score of a period, or null when it is not scored: no transactions (no line due and no inspection),
 * or no weight left on any component with data. Components without data are left out and the other
 * weights re-normalised to 100; the total is Σ score × weight ÷ 100, rounded to 0.1, and the band is
 * that of the rounded total.
 */
export function scoreOf(facts: ScoreFacts, weights: Weights = DEFAULT_WEIGHTS): Score | null {
  if (facts.linesDue === 0 && facts.inspections === 0) return null;
  const scored = COMPONENTS.map((name) => ({ name, ...componentScore(name, facts) }));
  const weightWithData = scored.reduce((sum, c) => sum + (c.score === null ? 0 : weights[c.name]), 0);
  if (weightWithData === 0) return null;
  const components = scored.map((c) => ({ ...c, weight: c.score === null ? 0 : tidy((weights[c.name] * 100) / weightWithData) }));
  const weighted = scored.reduce((sum, c) => sum + (c.score === null ? 0 : c.score * weights[c.name]), 0) / weightWithData;
  const total = roundToTenth(weighted);
  return { total, band: bandOf(total), components };
}

/** ≥ 85 PREFERRED, ≥ 70 APPROVED, ≥ 50 CONDITIONAL, else AT_RISK. */
export function bandOf(total: number): ScoreBand {
  if (total >= 85) return ScoreBand.PREFERRED;
  if (total >= 70) return ScoreBand.APPROVED;
  if (total >= 50) return ScoreBand.CONDITIONAL;
  return ScoreBand.AT_RISK;
}

/** Half up to one decimal, after shedding binary noise (84.95 → 85.0, not 84.9 from 84.94999…). */
export function roundToTenth(x: number): number {
  return Math.round(tidy(x * 10)) / 10;
}

/** Removes floating-point noise below 1e-9 (0.57 × 100 = 56.99999999999999 → 57). */
function tidy(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
