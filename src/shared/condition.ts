import { LIMITS } from './limits.js';

/**
 * The condition language of questionnaire sections and questions (docs/questionnaires.md).
 *
 *   expr       := and (("||" | "or") and)*
 *   and        := unary (("&&" | "and") unary)*
 *   unary      := ("!" | "not") unary | "(" expr ")" | comparison
 *   comparison := ref [op literal]
 *   op         := "==" | "!=" | ">" | ">=" | "<" | "<=" | "in" | "contains"
 *   ref        := KEY | KEY "." KEY          (a question of the same section, or section.question)
 *   literal    := string | number | true | false | null | "[" literal ("," literal)* "]"
 *
 * A bare ref holds when the answer is present and not empty (and not false).
 */
export type Literal = string | number | boolean | null | Literal[];
export type Operator = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'contains';
export interface Ref {
  section: string | null;
  question: string;
}
export type ConditionNode =
  | { kind: 'or' | 'and'; left: ConditionNode; right: ConditionNode }
  | { kind: 'not'; operand: ConditionNode }
  | { kind: 'compare'; ref: Ref; op: Operator; value: Literal }
  | { kind: 'present'; ref: Ref };

export class ConditionSyntaxError extends Error {}

/**
 * How deep "(", "!"/"not" and "[" may nest (docs/limits.md). Parsing and evaluation recurse,
 * so the depth is bounded where the condition is read, not left to the stack.
 */
export const MAX_CONDITION_DEPTH = LIMITS.conditionDepth;

type Tok = { type: 'key' | 'op' | 'punct' | 'string' | 'number'; text: string; pos: number };

const TOKEN = /\s*(?:(\|\||&&|==|!=|>=|<=|[<>!()[\],.])|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(-?\d+(?:\.\d+)?)|([\w*-]+))/y;

function tokenize(source: string): Tok[] {
  const tokens: Tok[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const start = TOKEN.lastIndex;
    if (/^\s*$/.test(source.slice(start))) break;
    const m = TOKEN.exec(source);
    if (!m) throw new ConditionSyntaxError(`unexpected character at ${start + 1}`);
    const pos = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').length;
    if (m[1]) tokens.push({ type: /[(),[\].]/.test(m[1]) ? 'punct' : 'op', text: m[1], pos });
    else if (m[2]) tokens.push({ type: 'string', text: JSON.parse(m[2].startsWith("'") ? toDoubleQuoted(m[2]) : m[2]) as string, pos });
    else if (m[3]) tokens.push({ type: 'number', text: m[3], pos });
    else if (m[4]) tokens.push({ type: 'key', text: m[4], pos });
  }
  return tokens;
}

function toDoubleQuoted(single: string): string {
  return `"${single.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`;
}

export function parseCondition(source: string): ConditionNode {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const isWord = (word: string) => peek()?.type === 'key' && peek()?.text === word;
  const fail = (what: string): never => {
    const t = peek();
    throw new ConditionSyntaxError(t ? `${what} at ${t.pos + 1}, found "${t.text}"` : `${what} at end of condition`);
  };
  const expect = (text: string) => (peek()?.text === text ? tokens[i++] : fail(`expected "${text}"`));
  let depth = 0;
  const nested = <T>(parse: () => T): T => {
    if (++depth > MAX_CONDITION_DEPTH) fail(`nested more than ${MAX_CONDITION_DEPTH} levels deep`);
    try {
      return parse();
    } finally {
      depth -= 1;
    }
  };

  /** A left-associative chain of one binary operator, written as a symbol or a word. */
  const chain = (kind: 'or' | 'and', symbol: string, operand: () => ConditionNode): ConditionNode => {
    let left = operand();
    while (peek()?.text === symbol || isWord(kind)) {
      i += 1;
      left = { kind, left, right: operand() };
    }
    return left;
  };
  const expr = (): ConditionNode => chain('or', '||', and);
  const and = (): ConditionNode => chain('and', '&&', unary);
  function unary(): ConditionNode {
    if (peek()?.text === '!' || isWord('not')) {
      i += 1;
      return nested(() => ({ kind: 'not', operand: unary() }));
    }
    if (peek()?.text === '(') {
      i += 1;
      return nested(() => {
        const inner = expr();
        expect(')');
        return inner;
      });
    }
    return comparison();
  }
  function comparison(): ConditionNode {
    const ref = reference();
    const t = peek();
    const op = t && (t.type === 'op' && t.text !== '!' && t.text !== '||' && t.text !== '&&' ? t.text : isWord('in') || isWord('contains') ? t.text : null);
    if (!op) return { kind: 'present', ref };
    i += 1;
    return { kind: 'compare', ref, op: op as Operator, value: literal() };
  }
  function reference(): Ref {
    const first = peek();
    if (first?.type !== 'key' || ['true', 'false', 'null', 'and', 'or', 'not', 'in', 'contains'].includes(first.text)) fail('expected a question key');
    i += 1;
    if (peek()?.text !== '.') return { section: null, question: first!.text };
    i += 1;
    const second = peek();
    if (second?.type !== 'key') fail('expected a question key after "."');
    i += 1;
    return { section: first!.text, question: second!.text };
  }
  function literal(): Literal {
    const t = peek() ?? fail('expected a value');
    i += 1;
    if (t.type === 'string') return t.text;
    if (t.type === 'number') return Number(t.text);
    if (t.type === 'key' && t.text === 'true') return true;
    if (t.type === 'key' && t.text === 'false') return false;
    if (t.type === 'key' && t.text === 'null') return null;
    if (t.text === '[') return nested(() => list());
    i -= 1;
    return fail('expected a value (a quoted string, a number, true, false, null or a [list])');
  }
  function list(): Literal[] {
    const items: Literal[] = [];
    if (peek()?.text !== ']') {
      items.push(literal());
      while (peek()?.text === ',') {
        i += 1;
        items.push(literal());
      }
    }
    expect(']');
    return items;
  }

  const root = expr();
  if (i < tokens.length) fail('unexpected text');
  return root;
}

/** Every question a condition reads. */
export function conditionRefs(node: ConditionNode): Ref[] {
  switch (node.kind) {
    case 'or':
    case 'and':
      return [...conditionRefs(node.left), ...conditionRefs(node.right)];
    case 'not':
      return conditionRefs(node.operand);
    default:
      return [node.ref];
  }
}

/** Looks up the answer a ref points at; null when unanswered or not applicable. */
export type AnswerLookup = (ref: Ref) => unknown;

export function evaluateCondition(node: ConditionNode, answerOf: AnswerLookup): boolean {
  switch (node.kind) {
    case 'or':
      return evaluateCondition(node.left, answerOf) || evaluateCondition(node.right, answerOf);
    case 'and':
      return evaluateCondition(node.left, answerOf) && evaluateCondition(node.right, answerOf);
    case 'not':
      return !evaluateCondition(node.operand, answerOf);
    case 'present':
      return isPresent(answerOf(node.ref));
    case 'compare':
      return compare(answerOf(node.ref) ?? null, node.op, node.value);
  }
}

export function isPresent(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

function compare(answer: unknown, op: Operator, value: Literal): boolean {
  switch (op) {
    case '==':
      return sameValue(answer, value);
    case '!=':
      return !sameValue(answer, value);
    case 'in': {
      if (!Array.isArray(value)) return false;
      const candidates = Array.isArray(answer) ? answer : [answer];
      return candidates.some((a) => value.some((v) => sameValue(a, v)));
    }
    case 'contains':
      if (Array.isArray(answer)) return answer.some((a) => sameValue(a, value));
      return typeof answer === 'string' && typeof value === 'string' && answer.includes(value);
    default: {
      const ordered = typeof answer === typeof value && (typeof value === 'number' || typeof value === 'string');
      if (!ordered) return false;
      const [a, b] = [answer as number | string, value as number | string];
      return op === '>' ? a > b : op === '>=' ? a >= b : op === '<' ? a < b : a <= b;
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return a === b;
}
