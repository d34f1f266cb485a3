// The scorecard arithmetic, by hand: component scores, weights and their re-normalisation, periods not
// scored, the bands at their boundaries, rounding, and the certification standing on a day.
import { describe, expect, it } from '@jest/globals';
import { CertificationStanding as C, certificationStanding } from '../src/certification/certification-standing';
import { bandOf, componentScore, DEFAULT_WEIGHTS, roundToTenth, scoreOf, ScoreBand, validateWeights, type ScoreFacts, type Weights } from '../src/scorecard/score';

const facts = (over: Partial<ScoreFacts> = {}): ScoreFacts => ({
  otif: 0.9, fillRate: 0.95, ppm: 500, firstPassYield: 0.98, renewableShare: 0.4, linesDue: 10, inspections: 4, certification: C.VALID, ...over,
});
const only = (name: keyof Weights): Weights => ({ otif: 0, fillRate: 0, ppm: 0, firstPassYield: 0, renewableShare: 0, certification: 0, [name]: 100 });
const weightsOf = (score: ReturnType<typeof scoreOf>) => Object.fromEntries(score!.components.map((c) => [c.name, c.weight]));

describe('component scores', () => {
  it('scores rates × 100, ppm as max(0, 100 − ppm ÷ 100), certification VALID 100 / EXPIRING 50 / EXPIRED and NONE 0', () => {
    expect(componentScore('otif', facts({ otif: 0.57 }))).toEqual({ value: 0.57, score: 57 }); // not 56.99999999999999
    expect(componentScore('fillRate', facts({ fillRate: 1 }))).toEqual({ value: 1, score: 100 });
    expect(componentScore('ppm', facts({ ppm: 0 }))).toEqual({ value: 0, score: 100 });
    expect(componentScore('ppm', facts({ ppm: 2_500 }))).toEqual({ value: 2_500, score: 75 }); // 100 − 25
    expect(componentScore('ppm', facts({ ppm: 10_000 }))).toEqual({ value: 10_000, score: 0 });
    expect(componentScore('ppm', facts({ ppm: 250_000 }))).toEqual({ value: 250_000, score: 0 }); // never negative
    expect(componentScore('renewableShare', facts({ renewableShare: null }))).toEqual({ value: null, score: null });
    expect([C.VALID, C.EXPIRING, C.EXPIRED, C.NONE].map((certification) => componentScore('certification', facts({ certification }))))
      .toEqual([{ value: 1, score: 100 }, { value: 0.5, score: 50 }, { value: 0, score: 0 }, { value: 0, score: 0 }]);
  });
});

describe('weighted total', () => {
  it('weighs every component with the default weights 30/15/20/10/10/15 and rounds half up to 0.1', () => {
    // otif 90×30 = 2700, fillRate 95×15 = 1425, ppm (100 − 5 = 95)×20 = 1900, firstPassYield 98×10 = 980,
    // renewableShare 40×10 = 400, certification VALID 100×15 = 1500 → 8905 ÷ 100 = 89.05 → 89.1 PREFERRED
    const score = scoreOf(facts())!;
    expect(score.total).toBe(89.1);
    expect(score.band).toBe(ScoreBand.PREFERRED);
    expect(score.components).toEqual([
      { name: 'otif', value: 0.9, score: 90, weight: 30 },
      { name: 'fillRate', value: 0.95, score: 95, weight: 15 },
      { name: 'ppm', value: 500, score: 95, weight: 20 },
      { name: 'firstPassYield', value: 0.98, score: 98, weight: 10 },
      { name: 'renewableShare', value: 0.4, score: 40, weight: 10 },
      { name: 'certification', value: 1, score: 100, weight: 15 },
    ]);
  });

  it('leaves out components without data and re-normalises the other weights to 100', () => {
    // no delivery (otif, fillRate null) and no energy (renewableShare null): ppm 20 + firstPassYield 10 +
    // certification 15 = 45 weigh. ppm 2000 → 80, firstPassYield 0.9 → 90, EXPIRED → 0:
    // (80×20 + 90×10 + 0×15) ÷ 45 = 2500 ÷ 45 = 55.555… → 55.6 CONDITIONAL;
    // weights 20×100/45 = 44.444…, 10×100/45 = 22.222…, 15×100/45 = 33.333…
    const score = scoreOf(facts({ otif: null, fillRate: null, renewableShare: null, ppm: 2_000, firstPassYield: 0.9, linesDue: 0, certification: C.EXPIRED }))!;
    expect(score.total).toBe(55.6);
    expect(score.band).toBe(ScoreBand.CONDITIONAL);
    const weights = weightsOf(score);
    expect(weights).toEqual({ otif: 0, fillRate: 0, ppm: expect.closeTo(44.4444, 3), firstPassYield: expect.closeTo(22.2222, 3), renewableShare: 0, certification: expect.closeTo(33.3333, 3) });
    expect(Object.values(weights).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    expect(score.components.filter((c) => c.value === null).map((c) => [c.name, c.score])).toEqual([['otif', null], ['fillRate', null], ['renewableShare', null]]);
  });

  it('takes custom weights: 50 otif + 50 certification with otif 0.8 and EXPIRING → (80 + 50) ÷ 2 = 65.0 CONDITIONAL', () => {
    const score = scoreOf(facts({ otif: 0.8, certification: C.EXPIRING }), { ...only('otif'), otif: 50, certification: 50 })!;
    expect(score.total).toBe(65);
    expect(score.band).toBe(ScoreBand.CONDITIONAL);
    expect(weightsOf(score)).toEqual({ otif: 50, fillRate: 0, ppm: 0, firstPassYield: 0, renewableShare: 0, certification: 50 });
  });

  it('a low scorer: otif 0.5, fillRate 0.6, 12,000 ppm, FPY 0.7, no renewables, no certificate → 31.0 AT_RISK', () => {
    // 50×30 + 60×15 + 0×20 + 70×10 + 0×10 + 0×15 = 1500 + 900 + 700 = 3100 → 31.0
    expect(scoreOf(facts({ otif: 0.5, fillRate: 0.6, ppm: 12_000, firstPassYield: 0.7, renewableShare: 0, certification: C.NONE }))).toMatchObject({ total: 31, band: ScoreBand.AT_RISK });
  });
});

describe('periods not scored', () => {
  it('a period with no line due and no inspection is not scored, whatever else is known', () => {
    expect(scoreOf(facts({ linesDue: 0, inspections: 0 }))).toBeNull();
    expect(scoreOf(facts({ linesDue: 1, inspections: 0 }))).not.toBeNull();
    expect(scoreOf(facts({ linesDue: 0, inspections: 1 }))).not.toBeNull();
  });

  it('nor is one where every component with data weighs 0 (all weight on otif, and no otif)', () => {
    expect(scoreOf(facts({ otif: null }), only('otif'))).toBeNull();
  });
});

describe('bands at their boundaries (of the rounded total)', () => {
  const bandFor = (otif: number) => {
    const score = scoreOf(facts({ otif }), only('otif'))!;
    return [score.total, score.band];
  };
  it('85 PREFERRED, 70 APPROVED, 50 CONDITIONAL; just under each, the band below', () => {
    expect(bandFor(0.85)).toEqual([85, ScoreBand.PREFERRED]);
    expect(bandFor(0.849)).toEqual([84.9, ScoreBand.APPROVED]);
    expect(bandFor(0.7)).toEqual([70, ScoreBand.APPROVED]);
    expect(bandFor(0.699)).toEqual([69.9, ScoreBand.CONDITIONAL]);
    expect(bandFor(0.5)).toEqual([50, ScoreBand.CONDITIONAL]);
    expect(bandFor(0.499)).toEqual([49.9, ScoreBand.AT_RISK]);
    expect(bandFor(0)).toEqual([0, ScoreBand.AT_RISK]);
    expect(bandFor(1)).toEqual([100, ScoreBand.PREFERRED]);
  });
  it('a total that rounds up to a boundary is in the upper band: 84.95 → 85.0 PREFERRED, 84.94 → 84.9', () => {
    expect(bandFor(0.8495)).toEqual([85, ScoreBand.PREFERRED]);
    expect(bandFor(0.8494)).toEqual([84.9, ScoreBand.APPROVED]);
    expect(bandOf(69.9)).toBe(ScoreBand.CONDITIONAL);
    expect(roundToTenth(89.05)).toBe(89.1);
    expect(roundToTenth(55.55)).toBe(55.6);
    expect(roundToTenth(2500 / 45)).toBe(55.6);
  });
});

describe('weights', () => {
  it('accepts the defaults and any whole numbers 0..100 summing to 100', () => {
    expect(validateWeights(DEFAULT_WEIGHTS)).toBe(DEFAULT_WEIGHTS);
    expect(() => validateWeights(only('certification'))).not.toThrow();
  });
  it('refuses weights not summing to 100, or one outside 0..100, as BAD_USER_INPUT naming `weights`', () => {
    for (const weights of [{ ...DEFAULT_WEIGHTS, otif: 31 }, { ...DEFAULT_WEIGHTS, otif: 29 }, { ...only('otif'), otif: 101, fillRate: -1 }, { ...only('otif'), otif: 0 }]) {
      let error: unknown;
      try {
        validateWeights(weights);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'weights' } });
    }
  });
});

describe('certification standing on a day D', () => {
  const D = '2026-10-01';
  it('VALID when a certificate in force on D lasts beyond D + 30; EXPIRING when it ends by D + 30 (inclusive)', () => {
    expect(certificationStanding({ inForceUntil: '2026-11-01', lapsed: false }, D)).toBe(C.VALID); // D + 31
    expect(certificationStanding({ inForceUntil: '2026-10-31', lapsed: true }, D)).toBe(C.EXPIRING); // D + 30
    expect(certificationStanding({ inForceUntil: D, lapsed: false }, D)).toBe(C.EXPIRING); // last day is D itself
  });
  it('EXPIRED when none is in force on D but one ended before; NONE when none had', () => {
    expect(certificationStanding({ inForceUntil: null, lapsed: true }, D)).toBe(C.EXPIRED);
    expect(certificationStanding({ inForceUntil: null, lapsed: false }, D)).toBe(C.NONE);
  });
});
