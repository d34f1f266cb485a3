// ISO 2859-1 sampling (single, normal, general inspection level II) against values read off Tables 1 and 2-A.
import { describe, expect, it } from '@jest/globals';
import { aqlSamplingPlan, codeLetter, percentSamplingPlan } from '../src/plan/aql';

describe('sample-size code letters (Table 1, level II)', () => {
  it.each([
    [2, 'A'], [8, 'A'], [9, 'B'], [15, 'B'], [16, 'C'], [50, 'D'], [51, 'E'], [90, 'E'], [150, 'F'], [151, 'G'], [280, 'G'],
    [500, 'H'], [501, 'J'], [1_200, 'J'], [3_200, 'K'], [10_000, 'L'], [35_000, 'M'], [150_000, 'N'], [500_000, 'P'], [500_001, 'Q'],
  ])('gives a lot of %i the letter %s', (lotSize, letter) => {
    expect(codeLetter(lotSize)).toBe(letter);
  });
});

describe('sample size and acceptance number (Table 2-A)', () => {
  it.each([
    // lot, AQL, sample, Ac
    [500, 1.0, 50, 1],      // H: 1/2
    [1_000, 2.5, 80, 5],    // J: 5/6
    [1_000, 0.65, 80, 1],   // J: 1/2
    [3_000, 4.0, 125, 10],  // K: 10/11
    [10_000, 6.5, 200, 21], // L: 21/22
    [20_000, 6.5, 200, 21], // M: ↑ to L
    [100, 1.0, 13, 0],      // F: ↑ to E (0/1, n = 13)
    [200, 1.0, 50, 1],      // G: ↓ to H (1/2, n = 50)
    [60, 0.65, 20, 0],      // E: ↓ to F (0/1, n = 20)
    [300, 1.5, 50, 2],      // H: 2/3
    [40, 4.0, 13, 1],       // D: ↓ to E (1/2, n = 13)
    [12, 4.0, 3, 0],        // B: 0/1
  ])('plans a lot of %i at AQL %f with a sample of %i and Ac %i', (lotSize, aql, sampleSize, acceptanceNumber) => {
    expect(aqlSamplingPlan(lotSize, aql)).toMatchObject({ sampleSize, acceptanceNumber });
  });

  it('inspects every unit when the plan\'s sample is larger than the lot', () => {
    expect(aqlSamplingPlan(10, 0.65)).toEqual({ codeLetter: 'B', sampleSize: 10, acceptanceNumber: 0 });
  });
});

describe('percent sampling', () => {
  it('rounds the share up, inspects at least one unit, and accepts no defective', () => {
    expect(percentSamplingPlan(120, 10)).toEqual({ codeLetter: '-', sampleSize: 12, acceptanceNumber: 0 });
    expect(percentSamplingPlan(300, 7)).toMatchObject({ sampleSize: 21 });
    expect(percentSamplingPlan(101, 10)).toMatchObject({ sampleSize: 11 });
    expect(percentSamplingPlan(5, 1)).toMatchObject({ sampleSize: 1 });
  });
});
