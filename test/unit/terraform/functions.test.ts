import assert from 'node:assert/strict';
import { EvalFailure, Unknown } from '../../../src/core/terraform';
import { valueOf } from './support';

/** Each row: expression, expected value (results as Terraform documents them). */
const CASES: Array<[string, unknown]> = [
  // collections
  ['merge({ a = 1, b = 2 }, null, { b = 3, c = 4 })', { a: 1, b: 3, c: 4 }],
  ['concat(["a"], [], ["b", "c"])', ['a', 'b', 'c']],
  ['lookup({ a = "x" }, "a", "d")', 'x'],
  ['lookup({ a = "x" }, "z", "d")', 'd'],
  ['contains(["a", "b"], "b")', true],
  ['contains(["a", "b"], "z")', false],
  ['element(["a", "b", "c"], 4)', 'b'],
  ['keys({ b = 1, a = 2 })', ['a', 'b']],
  ['values({ b = 1, a = 2 })', [2, 1]],
  ['length({ a = 1, b = 2 })', 2],
  ['length("héllo")', 5],
  ['flatten([["a", ["b"]], [], "c"])', ['a', 'b', 'c']],
  ['distinct(["a", "b", "a", "c"])', ['a', 'b', 'c']],
  ['compact(["a", "", null, "b"])', ['a', 'b']],
  ['coalescelist([], ["x"], ["y"])', ['x']],
  ['toset(["b", "a", "b"])', ['a', 'b']],
  ['tolist(["a"])', ['a']],
  ['tomap({ a = 1 })', { a: 1 }],
  ['slice(["a", "b", "c", "d"], 1, 3)', ['b', 'c']],
  ['range(3)', [0, 1, 2]],
  ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
  ['one([])', null],
  ['sum([1, 2, 3.5])', 6.5],
  ['alltrue([true, "true"])', true],
  ['setunion(["b"], ["a", "b"])', ['a', 'b']],
  ['setsubtract(["a", "b"], ["b"])', ['a']],
  ['sort(["b", "a", "c"])', ['a', 'b', 'c']],
  ['reverse([1, 2])', [2, 1]],
  // strings
  ['lower("AbC")', 'abc'],
  ['upper("abc")', 'ABC'],
  ['format("%s-%03d-%.2f-%t-%q-%v", "a", 7, 3.14159, true, "q", [1])', 'a-007-3.14-true-"q"-[1]'],
  ['format("%-5s|%5s|%%", "ab", "cd")', 'ab   |   cd|%'],
  ['formatlist("%s=%d", ["a", "b"], [1, 2])', ['a=1', 'b=2']],
  ['join(", ", ["a", "b"], ["c"])', 'a, b, c'],
  ['split(",", "a,b,,c")', ['a', 'b', '', 'c']],
  ['replace("a-b-c", "-", "_")', 'a_b_c'],
  ['replace("abc123", "/[0-9]+/", "#")', 'abc#'],
  ['replace("hello world", "/(\\\\w+) (\\\\w+)/", "$2 $${1}")', 'world hello'],
  ['regex("^(\\\\d+)-(\\\\d+)$", "10-20")', ['10', '20']],
  ['startswith("arn:aws:kms", "arn:")', true],
  ['endswith("file.tf", ".json")', false],
  ['strcontains("abc", "b")', true],
  ['trimspace("  x \\n")', 'x'],
  ['trimprefix("arn:aws", "arn:")', 'aws'],
  ['trimsuffix("x.tf", ".tf")', 'x'],
  ['trim("?!hello?!", "!?")', 'hello'],
  ['substr("hello", 1, 3)', 'ell'],
  ['title("hello world")', 'Hello World'],
  ['chomp("x\\n\\n")', 'x'],
  // numbers
  ['min(3, 1, 2)', 1],
  ['max([4, 9]...)', 9],
  ['abs(-3)', 3],
  ['ceil(1.2)', 2],
  ['floor(-1.2)', -2],
  ['parseint("ff", 16)', 255],
  ['pow(2, 10)', 1024],
  // conversions
  ['tostring(1.5)', '1.5'],
  ['tostring(true)', 'true'],
  ['tonumber("42")', 42],
  ['tobool("false")', false],
  ['tostring(null)', null],
  // encodings
  ['jsonencode({ b = [1, "<x>"], a = null })', '{"a":null,"b":[1,"\\u003cx\\u003e"]}'],
  ['jsondecode("{\\"a\\": [1, true]}")', { a: [1, true] }],
  ['base64encode("héllo")', 'aMOpbGxv'],
  ['base64decode("aMOpbGxv")', 'héllo'],
  ['urlencode("a b&c")', 'a+b%26c'],
  // network
  ['cidrsubnet("10.0.0.0/16", 8, 2)', '10.0.2.0/24'],
  ['cidrsubnet("10.1.0.0/16", 4, 15)', '10.1.240.0/20'],
  ['cidrhost("10.12.112.0/20", 16)', '10.12.112.16'],
  ['cidrhost("10.12.112.0/20", -1)', '10.12.127.255'],
  ['cidrnetmask("172.16.0.0/12")', '255.240.0.0'],
  // sensitivity markers do not hide values from the linter
  ['sensitive("s3cret")', 's3cret'],
  ['nonsensitive(sensitive(1))', 1],
];

describe('terraform built-in functions', () => {
  for (const [source, expected] of CASES) {
    it(source, async () => {
      assert.deepEqual(await valueOf(source), expected);
    });
  }

  it('fails invalid calls instead of throwing', async () => {
    for (const source of ['lookup({}, "a")', 'element([], 0)', 'tonumber("x")', 'jsondecode("{")', 'cidrsubnet("10.0.0.0/30", 8, 1)', 'lower()', 'format("%d", "x")']) {
      assert.ok((await valueOf(source)) instanceof EvalFailure, source);
    }
  });

  it('passes unknown elements through collection functions whose result does not depend on them', async () => {
    const extra = 'variable "u" {}';
    assert.equal(await valueOf('length([var.u, 2])', extra), 2);
    assert.equal(await valueOf('contains([var.u, "a"], "a")', extra), true);
    assert.ok((await valueOf('contains([var.u], "a")', extra)) instanceof Unknown);
    const merged = (await valueOf('merge({ a = var.u }, { b = 1 })', extra)) as Record<string, unknown>;
    assert.equal(merged.b, 1);
    assert.ok(merged.a instanceof Unknown);
    assert.ok((await valueOf('jsonencode({ a = var.u })', extra)) instanceof Unknown);
    assert.ok((await valueOf('upper(var.u)', extra)) instanceof Unknown);
  });

  it('leaves IPv6 CIDR arithmetic unknown', async () => {
    const value = await valueOf('cidrsubnet("fd00::/8", 8, 1)');
    assert.ok(value instanceof Unknown && !(value instanceof EvalFailure));
  });
});
