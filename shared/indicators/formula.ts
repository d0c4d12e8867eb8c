/**
 * Indicator formulas, DHIS2's way (issue 12): an indicator is numerator / denominator × factor, each side an
 * expression over data element values — `#{VNEID_L2_ACTIVATIONS} / #{ADULT_POPULATION}` with factor 100. An
 * expression is a sum of terms, each a data element reference (optionally one disaggregation option:
 * `#{SUPPORT_RECORDS.60_plus}`) or a number, joined by + and −, with parentheses; that is what leaders' indicators
 * need (shares, rates, differences), and keeping it that small keeps it safe to let administrators write them.
 * Isomorphic: the server computes dashboards with it and the admin screen checks a formula as it is typed.
 */

export type Expression =
  | { kind: 'number'; value: number }
  | { kind: 'element'; code: string; option: string | null }
  | { kind: 'sum'; terms: { sign: 1 | -1; expr: Expression }[] };

export class FormulaError extends Error {
  constructor(
    message: string,
    /** Where in the text the problem starts (0-based), for the editor to point at. */
    readonly at: number,
  ) {
    super(message);
    this.name = 'FormulaError';
  }
}

/** The longest formula accepted: an indicator's expression is a handful of terms, not a program. */
export const MAX_FORMULA_LENGTH = 500;
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const OPTION = /^[a-z0-9_]{1,40}$/;

/** Parses an expression; a FormulaError says what is wrong and where. */
export function parseExpression(text: string): Expression {
  if (text.length > MAX_FORMULA_LENGTH)
    throw new FormulaError(`the formula is longer than ${MAX_FORMULA_LENGTH} characters`, 0);
  let i = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };

  function term(depth: number): Expression {
    skip();
    const start = i;
    if (text[i] === '(') {
      if (depth >= 8) throw new FormulaError('too many nested parentheses', i);
      i++;
      const inner = sum(depth + 1);
      skip();
      if (text[i] !== ')') throw new FormulaError('a parenthesis is not closed', start);
      i++;
      return inner;
    }
    if (text.startsWith('#{', i)) {
      const end = text.indexOf('}', i);
      if (end < 0) throw new FormulaError('a data element reference is not closed with }', start);
      const [code = '', option = null, extra] = text.slice(i + 2, end).split('.');
      if (!CODE.test(code)) throw new FormulaError(`"${code}" is not a data element code`, start);
      if (extra !== undefined || (option !== null && !OPTION.test(option)))
        throw new FormulaError(`"${text.slice(i + 2, end)}" is not a data element option`, start);
      i = end + 1;
      return { kind: 'element', code, option };
    }
    const number = /^\d+(\.\d+)?/.exec(text.slice(i));
    if (number) {
      i += number[0].length;
      return { kind: 'number', value: Number(number[0]) };
    }
    throw new FormulaError(
      i >= text.length ? 'the formula ends where a value was expected' : `unexpected "${text[i]}"`,
      i,
    );
  }

  function sum(depth: number): Expression {
    const terms: { sign: 1 | -1; expr: Expression }[] = [{ sign: 1, expr: term(depth) }];
    for (;;) {
      skip();
      const op = text[i];
      if (op !== '+' && op !== '-' && op !== '−') break;
      i++;
      terms.push({ sign: op === '+' ? 1 : -1, expr: term(depth) });
    }
    return terms.length === 1 && terms[0]!.sign === 1 ? terms[0]!.expr : { kind: 'sum', terms };
  }

  const expr = sum(0);
  skip();
  if (i < text.length) throw new FormulaError(`unexpected "${text[i]}"`, i);
  return expr;
}

/** The data elements an expression reads (codes, once each, in order of appearance). */
export function elementsOf(expr: Expression): string[] {
  const codes = new Set<string>();
  const visit = (e: Expression): void => {
    if (e.kind === 'element') codes.add(e.code);
    else if (e.kind === 'sum') e.terms.forEach((t) => visit(t.expr));
  };
  visit(expr);
  return [...codes];
}

/**
 * A value of a data element for the unit and period being computed: the total (option null) or one option's.
 * Undefined when there is no value — which is not zero: an official figure nobody has entered yet is unknown.
 */
export type ValueLookup = (code: string, option: string | null) => number | undefined;

/** The expression's value, or null when any element it reads has no value. */
export function evaluate(expr: Expression, lookup: ValueLookup): number | null {
  if (expr.kind === 'number') return expr.value;
  if (expr.kind === 'element') return lookup(expr.code, expr.option) ?? null;
  let total = 0;
  for (const t of expr.terms) {
    const v = evaluate(t.expr, lookup);
    if (v === null) return null;
    total += t.sign * v;
  }
  return total;
}

export interface IndicatorFormula {
  numerator: Expression;
  denominator: Expression;
  /** 100 for a percentage, 1 for a plain ratio or count (denominator `1`). */
  factor: number;
}

/**
 * numerator / denominator × factor, or null when it cannot be computed: a missing value, or a denominator of zero
 * (a commune with no adult population entered has no VNeID rate, not an infinite one).
 */
export function computeIndicator(f: IndicatorFormula, lookup: ValueLookup): number | null {
  const numerator = evaluate(f.numerator, lookup);
  const denominator = evaluate(f.denominator, lookup);
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * f.factor;
}
