import * as assert from 'node:assert/strict';
import { parse, parseAllDocuments } from 'yaml';
import { parseYamlTree } from '../../../src/core/yaml/parse-yaml';
import { mapGet, type SeqNode, type TreeNode } from '../../../src/core/documents/tree';
import { applyEdits } from '../../../src/core/edits/apply';
import { yamlAppendDocument, yamlRemoveSeqItem } from '../../../src/core/edits/yaml-list-edit';

function seqAt(root: TreeNode | undefined, ...path: Array<string | number>): SeqNode {
  let node = root;
  for (const s of path) node = typeof s === 'number' ? (node?.kind === 'seq' ? node.items[s] : undefined) : mapGet(node, s);
  assert.ok(node && node.kind === 'seq', `no list at ${path.join('.')}`);
  return node;
}

function removeItem(text: string, path: Array<string | number>, index: number): string {
  const file = parseYamlTree(text);
  const seq = seqAt(file.documents[0].root, ...path);
  return applyEdits(text, yamlRemoveSeqItem(file, seq, seq.items[index]));
}

describe('yamlRemoveSeqItem', () => {
  it('removes a scalar from a flow list, first, middle or last', () => {
    const text = 'resources: [pods, "pods/exec", pods/log] # keep\n';
    assert.equal(removeItem(text, ['resources'], 0), 'resources: ["pods/exec", pods/log] # keep\n');
    assert.equal(removeItem(text, ['resources'], 1), 'resources: [pods, pods/log] # keep\n');
    assert.equal(removeItem(text, ['resources'], 2), 'resources: [pods, "pods/exec"] # keep\n');
  });

  it('removes the whole lines of a block map item, keeping comments of other items', () => {
    const text = 'subjects:\n  # operators\n  - kind: User\n    name: system:anonymous\n  - kind: Group # ops\n    name: ops\n';
    assert.equal(removeItem(text, ['subjects'], 0), 'subjects:\n  # operators\n  - kind: Group # ops\n    name: ops\n');
    assert.deepEqual(parse(removeItem(text, ['subjects'], 1)), { subjects: [{ kind: 'User', name: 'system:anonymous' }] });
  });

  it('keeps CRLF line breaks and handles the last line of a file without a final newline', () => {
    const text = 'verbs:\r\n- get\r\n- create';
    assert.equal(removeItem(text, ['verbs'], 1), 'verbs:\r\n- get');
    assert.equal(removeItem(text, ['verbs'], 0), 'verbs:\r\n- create');
  });

  it('works inside nested list items (an RBAC rule in rules)', () => {
    const text = 'rules:\n- apiGroups: [""]\n  resources:\n  - pods\n  - secrets\n  verbs: [get]\n';
    const out = removeItem(text, ['rules', 0, 'resources'], 1);
    assert.deepEqual(parse(out), { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] });
  });

  it('refuses to empty a list or to cut a line it shares with another item', () => {
    assert.throws(() => removeItem('a: [x]\n', ['a'], 0), /empty/);
    assert.throws(() => removeItem('a:\n- - x\n  - y\n', ['a', 0], 0), /shares its line/);
  });
});

describe('yamlAppendDocument', () => {
  const policy = { kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'ehr' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } };

  it('appends a document in the file\'s indentation and line breaks', () => {
    const text = 'kind: Namespace\r\nmetadata:\r\n    name: ehr\r\n';
    const out = applyEdits(text, yamlAppendDocument(parseYamlTree(text), policy));
    assert.ok(out.startsWith(text));
    assert.ok(!/[^\r]\n/.test(out), 'every line break stays CRLF');
    assert.match(out, /\r\n---\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: deny\r\n/);
    assert.deepEqual(parseAllDocuments(out).map((d) => d.toJS()), [{ kind: 'Namespace', metadata: { name: 'ehr' } }, policy]);
  });

  it('adds the missing final line break before the separator', () => {
    const text = 'kind: Namespace';
    const out = applyEdits(text, yamlAppendDocument(parseYamlTree(text), { kind: 'X' }));
    assert.equal(out, 'kind: Namespace\n---\nkind: X\n');
  });
});
