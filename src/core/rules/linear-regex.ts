/**
 * A regular-expression matcher whose time is linear in the text: the pattern is compiled to a
 * Thompson NFA and run as a set of simultaneous threads (a Pike VM without captures), so no input
 * can make it backtrack. Rule files (possibly from a workspace) only ever ask "does the value
 * match", which is exactly what this answers.
 *
 * Supported: the JavaScript syntax without backreferences and lookaround (refused earlier, see
 * `./safe-regex.ts`): literals and escapes (`\d \w \s \D \W \S \b \B \t \n \r \f \v \0 \xHH
 * \uHHHH \cX`), classes with ranges and negation, `.`, `^ $` (whole text), groups (capturing,
 * `(?:)`, `(?<name>)`), alternation, and greedy or lazy `* + ? {n} {n,} {n,m}`. Flag `i` folds
 * case as `toLowerCase`/`toUpperCase` do.
 */

export class RegexSyntaxError extends Error {}

/** Counted repetition is expanded into copies; beyond this many instructions a pattern is refused. */
export const MAX_PROGRAM_SIZE = 2_000;

type CharTest = (code: number) => boolean;

type Node =
  | { kind: 'char'; test: CharTest }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; body: Node; min: number; max: number }
  | { kind: 'assert'; what: 'start' | 'end' | 'word' | 'not-word' };

const WORD: CharTest = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const DIGIT: CharTest = (c) => c >= 48 && c <= 57;
const SPACE_CODES = new Set([9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
const SPACE: CharTest = (c) => SPACE_CODES.has(c) || (c >= 0x2000 && c <= 0x200a);
const LINE_END: CharTest = (c) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const not =
  (test: CharTest): CharTest =>
  (c) =>
    !test(c);
const SHORTHANDS = new Map<string, CharTest>([
  ['d', DIGIT],
  ['D', not(DIGIT)],
  ['w', WORD],
  ['W', not(WORD)],
  ['s', SPACE],
  ['S', not(SPACE)],
]);
const SIMPLE_ESCAPES = new Map<string, number>([
  ['t', 9],
  ['n', 10],
  ['v', 11],
  ['f', 12],
  ['r', 13],
]);

/** Both cases of a character, as the `i` flag compares them. */
function caseVariants(code: number): number[] {
  const ch = String.fromCharCode(code);
  const variants = new Set([code]);
  for (const other of [ch.toLowerCase(), ch.toUpperCase()]) if (other.length === 1) variants.add(other.charCodeAt(0));
  return [...variants];
}

function foldCase(test: CharTest): CharTest {
  return (c) => caseVariants(c).some(test);
}

class PatternParser {
  private pos = 0;

  constructor(
    private readonly source: string,
    private readonly ignoreCase: boolean,
  ) {}

  parse(): Node {
    const node = this.alternation();
    if (this.pos < this.source.length) this.fail(`unexpected "${this.source[this.pos]}"`);
    return node;
  }

  private fail(message: string): never {
    throw new RegexSyntaxError(`${message} at position ${this.pos}`);
  }

  private peek(): string | undefined {
    return this.source[this.pos];
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.pos < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'seq', items };
  }

  private quantified(atom: Node): Node {
    const ch = this.peek();
    let min: number;
    let max: number;
    if (ch === '*') [min, max] = [0, Infinity];
    else if (ch === '+') [min, max] = [1, Infinity];
    else if (ch === '?') [min, max] = [0, 1];
    else if (ch === '{') {
      const counted = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.pos));
      // Outside a quantifier position `{` is a literal, as in JavaScript without the u flag.
      if (!counted) return atom;
      min = Number(counted[1]);
      max = counted[2] === undefined ? min : counted[3] === '' ? Infinity : Number(counted[3]);
      if (max < min) this.fail('numbers out of order in {} quantifier');
      this.pos += counted[0].length - 1;
    } else return atom;
    this.pos++;
    if (this.peek() === '?') this.pos++; // lazy: the same set of matches for a yes/no answer
    if (atom.kind === 'assert') this.fail('nothing to repeat');
    return { kind: 'repeat', body: atom, min, max };
  }

  private atom(): Node {
    const ch = this.source[this.pos++];
    switch (ch) {
      case '^':
        return { kind: 'assert', what: 'start' };
      case '$':
        return { kind: 'assert', what: 'end' };
      case '.':
        return { kind: 'char', test: not(LINE_END) };
      case '(':
        return this.group();
      case '[':
        return { kind: 'char', test: this.characterClass() };
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
        return this.fail('nothing to repeat');
      case ')':
        return this.fail('unmatched ")"');
      default:
        return this.literal(ch.charCodeAt(0));
    }
  }

  private literal(code: number): Node {
    if (!this.ignoreCase) return { kind: 'char', test: (c) => c === code };
    const variants = caseVariants(code);
    return { kind: 'char', test: (c) => caseVariants(c).some((v) => variants.includes(v)) };
  }

  private group(): Node {
    if (this.source.startsWith('?:', this.pos)) this.pos += 2;
    else if (this.source.startsWith('?<', this.pos)) {
      const close = this.source.indexOf('>', this.pos);
      if (close < 0 || !/^[A-Za-z_$][\w$]*$/.test(this.source.slice(this.pos + 2, close))) this.fail('invalid group name');
      this.pos = close + 1;
    } else if (this.peek() === '?') this.fail('unsupported group (lookaround is not allowed)');
    const inner = this.alternation();
    if (this.peek() !== ')') this.fail('unterminated group');
    this.pos++;
    return inner;
  }

  /** A backslash escape outside a class: a class shorthand, an assertion or one character. */
  private escape(): Node {
    const ch = this.source[this.pos];
    if (ch === 'b' || ch === 'B') {
      this.pos++;
      return { kind: 'assert', what: ch === 'b' ? 'word' : 'not-word' };
    }
    const shorthand = this.shorthand();
    if (shorthand) return { kind: 'char', test: shorthand };
    return this.literal(this.escapedCode());
  }

  private shorthand(): CharTest | undefined {
    const test = SHORTHANDS.get(this.source[this.pos]);
    if (test) this.pos++;
    return test;
  }

  /** The character a `\x` escape stands for (after the backslash). */
  private escapedCode(): number {
    const ch = this.source[this.pos++];
    if (ch === undefined) this.fail('\\ at end of pattern');
    const simple = SIMPLE_ESCAPES.get(ch);
    if (simple !== undefined) return simple;
    if (ch === '0' && !/[0-9]/.test(this.source[this.pos] ?? '')) return 0;
    if (/[1-9]/.test(ch)) this.fail('backreferences are not allowed');
    if (ch === 'x' || ch === 'u') {
      const digits = ch === 'x' ? 2 : 4;
      const hex = this.source.slice(this.pos, this.pos + digits);
      if (new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) {
        this.pos += digits;
        return parseInt(hex, 16);
      }
      return ch.charCodeAt(0);
    }
    if (ch === 'c' && /[A-Za-z]/.test(this.source[this.pos] ?? '')) return this.source.charCodeAt(this.pos++) % 32;
    if (ch === 'k') this.fail('backreferences are not allowed');
    return ch.charCodeAt(0);
  }

  private characterClass(): CharTest {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const parts: CharTest[] = [];
    // In JavaScript `]` right after `[` closes the class (`[]` matches nothing, `[^]` anything).
    while (this.pos < this.source.length && this.peek() !== ']') {
      const start = this.classAtom();
      if (typeof start !== 'number') {
        parts.push(start);
        continue;
      }
      if (this.peek() === '-' && this.source[this.pos + 1] !== ']' && this.pos + 1 < this.source.length) {
        this.pos++;
        const end = this.classAtom();
        if (typeof end !== 'number') {
          // `[a-\d]`: JavaScript reads the dash literally here.
          parts.push((c) => c === start || c === 45, end);
          continue;
        }
        if (end < start) this.fail('range out of order in character class');
        parts.push((c) => c >= start && c <= end);
      } else {
        parts.push((c) => c === start);
      }
    }
    if (this.peek() !== ']') this.fail('unterminated character class');
    this.pos++;
    const any: CharTest = (c) => parts.some((part) => part(c));
    const cased = this.ignoreCase ? foldCase(any) : any;
    return negated ? not(cased) : cased;
  }

  /** One character of a class (its code) or a shorthand class inside it. */
  private classAtom(): number | CharTest {
    const ch = this.source[this.pos++];
    if (ch !== '\\') return ch.charCodeAt(0);
    const shorthand = this.shorthand();
    if (shorthand) return shorthand;
    if (this.peek() === 'b') {
      this.pos++;
      return 8; // backspace inside a class
    }
    return this.escapedCode();
  }
}

type Instruction =
  | { op: 'char'; test: CharTest; next: number }
  | { op: 'split'; first: number; second: number }
  | { op: 'jump'; to: number }
  | { op: 'assert'; what: 'start' | 'end' | 'word' | 'not-word'; next: number }
  | { op: 'match' };

class Compiler {
  readonly program: Instruction[] = [];

  private emit(instruction: Instruction): number {
    if (this.program.length >= MAX_PROGRAM_SIZE) throw new RegexSyntaxError(`the pattern expands to more than ${MAX_PROGRAM_SIZE} steps`);
    this.program.push(instruction);
    return this.program.length - 1;
  }

  /** Emits `node`; every dangling `next` is patched to the instruction that follows it. */
  compile(node: Node): void {
    switch (node.kind) {
      case 'char': {
        const at = this.emit({ op: 'char', test: node.test, next: -1 });
        (this.program[at] as { next: number }).next = at + 1;
        return;
      }
      case 'assert': {
        const at = this.emit({ op: 'assert', what: node.what, next: -1 });
        (this.program[at] as { next: number }).next = at + 1;
        return;
      }
      case 'seq':
        for (const item of node.items) this.compile(item);
        return;
      case 'alt': {
        const jumps: number[] = [];
        node.options.forEach((option, i) => {
          if (i < node.options.length - 1) {
            const split = this.emit({ op: 'split', first: -1, second: -1 });
            (this.program[split] as { first: number }).first = split + 1;
            this.compile(option);
            jumps.push(this.emit({ op: 'jump', to: -1 }));
            (this.program[split] as { second: number }).second = this.program.length;
          } else {
            this.compile(option);
          }
        });
        for (const jump of jumps) (this.program[jump] as { to: number }).to = this.program.length;
        return;
      }
      case 'repeat': {
        for (let i = 0; i < node.min; i++) this.compile(node.body);
        if (node.max === Infinity) {
          const split = this.emit({ op: 'split', first: -1, second: -1 });
          (this.program[split] as { first: number }).first = split + 1;
          this.compile(node.body);
          this.emit({ op: 'jump', to: split });
          (this.program[split] as { second: number }).second = this.program.length;
          return;
        }
        const splits: number[] = [];
        for (let i = node.min; i < node.max; i++) {
          const split = this.emit({ op: 'split', first: -1, second: -1 });
          (this.program[split] as { first: number }).first = split + 1;
          splits.push(split);
          this.compile(node.body);
        }
        for (const split of splits) (this.program[split] as { second: number }).second = this.program.length;
        return;
      }
    }
  }
}

export interface LinearRegex {
  readonly source: string;
  test(text: string): boolean;
}

/** Compiles `source`; throws RegexSyntaxError for syntax this matcher does not accept. */
export function compileLinearRegex(source: string, ignoreCase = false): LinearRegex {
  const tree = new PatternParser(source, ignoreCase).parse();
  const compiler = new Compiler();
  compiler.compile(tree);
  compiler.program.push({ op: 'match' });
  const matcher = new Matcher(compiler.program);
  return { source, test: (text) => matcher.run(text) };
}

function isWordAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD(text.charCodeAt(index));
}

/** Marks fit an Int32Array; past this, the marks are cleared and numbering starts again. */
const MAX_MARK = 2 ** 31 - 1;

/**
 * Runs every thread in step over the text. Each instruction is entered at most once per position
 * (the `seen` marks), so a step costs at most the program's size: time is O(text × program).
 * The thread lists, the stack and the marks are typed arrays kept from one run to the next (a rule
 * tests thousands of values in a scan): marks are numbered on from the last run instead of being
 * cleared, and a list is emptied by resetting its count. Runs never nest.
 */
class Matcher {
  private readonly seen: Int32Array;
  /** The mark of position 0 in the current run. */
  private base = 0;
  /** Threads waiting at the current position and at the next one: instruction indexes. */
  private current: Int32Array;
  private next: Int32Array;
  private currentCount = 0;
  private nextCount = 0;
  /** Each instruction entered pushes at most two more, and is entered once per position. */
  private readonly stack: Int32Array;
  private text = '';

  constructor(private readonly program: Instruction[]) {
    this.seen = new Int32Array(program.length).fill(-1);
    this.current = new Int32Array(program.length);
    this.next = new Int32Array(program.length);
    this.stack = new Int32Array(program.length * 2 + 2);
  }

  run(text: string): boolean {
    if (this.base + text.length + 1 >= MAX_MARK) {
      this.seen.fill(-1);
      this.base = 0;
    }
    this.text = text;
    this.currentCount = 0;
    try {
      for (let position = 0; position <= text.length; position++) {
        // A new thread starts at every position: the search is unanchored, like RegExp#test.
        if (this.addThread(true, 0, position)) return true;
        if (position === text.length) break;
        const code = text.charCodeAt(position);
        this.nextCount = 0;
        for (let i = 0; i < this.currentCount; i++) {
          const instruction = this.program[this.current[i]] as Extract<Instruction, { op: 'char' }>;
          if (instruction.test(code) && this.addThread(false, instruction.next, position + 1)) return true;
        }
        const swap = this.current;
        this.current = this.next;
        this.next = swap;
        this.currentCount = this.nextCount;
      }
      return false;
    } finally {
      this.base += text.length + 1;
      this.text = '';
    }
  }

  /** Follows jumps, splits and assertions from `start` at `position`; collects char tests in the current or next list. */
  private addThread(toCurrent: boolean, start: number, position: number): boolean {
    const { program, seen, stack, text } = this;
    const list = toCurrent ? this.current : this.next;
    let count = toCurrent ? this.currentCount : this.nextCount;
    const mark = this.base + position;
    let depth = 0;
    stack[depth++] = start;
    let matched = false;
    while (depth > 0) {
      const pc = stack[--depth];
      if (seen[pc] === mark) continue;
      seen[pc] = mark;
      const instruction = program[pc];
      if (instruction.op === 'match') {
        matched = true;
        break;
      }
      if (instruction.op === 'char') list[count++] = pc;
      else if (instruction.op === 'jump') stack[depth++] = instruction.to;
      else if (instruction.op === 'split') {
        stack[depth++] = instruction.second;
        stack[depth++] = instruction.first;
      } else {
        const before = isWordAt(text, position - 1);
        const after = isWordAt(text, position);
        const holds =
          instruction.what === 'start'
            ? position === 0
            : instruction.what === 'end'
              ? position === text.length
              : instruction.what === 'word'
                ? before !== after
                : before === after;
        if (holds) stack[depth++] = instruction.next;
      }
    }
    if (toCurrent) this.currentCount = count;
    else this.nextCount = count;
    return matched;
  }
}
