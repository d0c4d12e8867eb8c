import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeIndicator,
  elementsOf,
  evaluate,
  FormulaError,
  parseExpression,
  type ValueLookup,
} from './formula';

const values: Record<string, number> = {
  VNEID_L2_ACTIVATIONS: 620,
  ADULT_POPULATION: 1000,
  SUPPORT_RECORDS: 90,
  'SUPPORT_RECORDS.60_plus': 40,
  ZERO: 0,
};
const lookup: ValueLookup = (code, option) => values[option === null ? code : `${code}.${option}`];

describe('indicator formulas', () => {
  it.each([
    ['#{VNEID_L2_ACTIVATIONS}', 620],
    ['#{SUPPORT_RECORDS.60_plus}', 40],
    ['#{SUPPORT_RECORDS} - #{SUPPORT_RECORDS.60_plus}', 50],
    ['#{SUPPORT_RECORDS} − #{SUPPORT_RECORDS.60_plus}', 50],
    ['1000 - (#{SUPPORT_RECORDS} - 10) + 2.5', 922.5],
    ['  ( ( 7 ) )  ', 7],
  ])('evaluates %s to %s', (text, expected) => {
    expect(evaluate(parseExpression(text), lookup)).toBe(expected);
  });

  it('computes numerator / denominator × factor, and nothing when a value is missing or the denominator is 0', () => {
    const rate = (n: string, d: string) =>
      computeIndicator(
        { numerator: parseExpression(n), denominator: parseExpression(d), factor: 100 },
        lookup,
      );
    expect(rate('#{VNEID_L2_ACTIVATIONS}', '#{ADULT_POPULATION}')).toBeCloseTo(62);
    expect(rate('#{VNEID_L2_ACTIVATIONS}', '#{ZERO}')).toBeNull();
    expect(rate('#{NOT_ENTERED}', '#{ADULT_POPULATION}')).toBeNull();
    expect(rate('#{SUPPORT_RECORDS.female}', '1')).toBeNull();
  });

  it('lists the data elements a formula reads, once each', () => {
    expect(elementsOf(parseExpression('#{A} + (#{B.x} - #{A}) + 3'))).toEqual(['A', 'B']);
  });

  it.each([
    ['', 0, /ends where a value/],
    ['#{A} +', 6, /ends where a value/],
    ['#{a}', 0, /not a data element code/],
    ['#{A.B}', 0, /not a data element option/],
    ['#{A.x.y}', 0, /not a data element option/],
    ['#{A', 0, /not closed with \}/],
    ['(#{A} + 1', 0, /parenthesis is not closed/],
    ['#{A} * 2', 5, /unexpected "\*"/],
    ['#{A} 2', 5, /unexpected "2"/],
    ['alert(1)', 0, /unexpected "a"/],
    ['((((((((((1))))))))))', 8, /nested parentheses/],
    ['1+'.repeat(300) + '1', 0, /longer than 500/],
  ])('refuses %j at %i', (text, at, message) => {
    let error: unknown;
    try {
      parseExpression(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormulaError);
    expect((error as FormulaError).message).toMatch(message);
    expect((error as FormulaError).at).toBe(at);
  });

  it('agrees with plain arithmetic on random sums of values and numbers', () => {
    const term = fc.oneof(
      fc.constantFrom('#{ADULT_POPULATION}', '#{SUPPORT_RECORDS}', '#{SUPPORT_RECORDS.60_plus}'),
      fc.integer({ min: 0, max: 10_000 }).map(String),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('+', '-'), term), { minLength: 1, maxLength: 12 }),
        (parts) => {
          const text = parts.map(([op, t], i) => (i === 0 ? t : `${op} ${t}`)).join(' ');
          const expected = parts.reduce((sum, [op, t], i) => {
            const v = t.startsWith('#{') ? values[t.slice(2, -1)]! : Number(t);
            return i === 0 || op === '+' ? sum + v : sum - v;
          }, 0);
          expect(evaluate(parseExpression(text), lookup)).toBe(expected);
        },
      ),
    );
  });
});
