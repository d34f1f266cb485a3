// The NUL guard names where the character is, as a client would write the path.
import { describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { refuseNulCharacters } from '../src/text-guard';

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  return null;
};

describe('refuseNulCharacters', () => {
  it('names the path of the first string holding a NUL, lists and objects included', () => {
    expect(refusal(() => refuseNulCharacters({ input: { lines: [{ note: 'ok' }, { note: 'a\u0000b' }] } }, undefined)))
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[1].note' });
    expect(refusal(() => refuseNulCharacters({ readings: ['x', '\u0000'] }, undefined))).toMatchObject({ field: 'readings[1]' });
    expect(refusal(() => refuseNulCharacters({ name: '\u0000' }, undefined))).toMatchObject({ field: 'name' });
  });

  it('finds one in an inline argument, and lets every other character through', () => {
    expect(refusal(() => refuseNulCharacters({}, parse('{ a(x: "1\\u0000") }')))).toMatchObject({ field: 'argument' });
    expect(refusal(() => refuseNulCharacters({ s: 'é\u0001\u200b💡', n: [1, null, { t: true }] }, parse('{ a(x: "ok") }')))).toBeNull();
  });
});
