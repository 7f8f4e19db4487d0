import * as assert from 'node:assert/strict';
import { parseYamlTree } from '../../../src/core/yaml/parse-yaml';
import { hasPlainTemplateActions, hasTemplateActions, maskTemplateActions } from '../../../src/core/yaml/helm-mask';
import { EMBEDDED_TEMPLATE_REASON, HELM_TEMPLATED_REASON } from '../../../src/core/yaml/yaml-nodes';
import { mapGet, type TreeNode } from '../../../src/core/documents/tree';
import { corpusDir, listFiles, readText, textAt } from './support';

function at(node: TreeNode | undefined, ...path: Array<string | number>): TreeNode | undefined {
  let current = node;
  for (const segment of path) {
    if (!current) return undefined;
    current = typeof segment === 'number' ? (current.kind === 'seq' ? current.items[segment] : undefined) : mapGet(current, segment);
  }
  return current;
}

function countTemplated(node: TreeNode | undefined, seen = new Set<TreeNode>()): number {
  if (!node || seen.has(node)) return 0;
  seen.add(node);
  if (node.kind === 'templated') return 1;
  if (node.kind === 'map') return (node.templated?.length ?? 0) + node.entries.reduce((n, e) => n + countTemplated(e.value, seen), 0);
  if (node.kind === 'seq') return (node.templated?.length ?? 0) + node.items.reduce((n, i) => n + countTemplated(i, seen), 0);
  return 0;
}

describe('Helm template masking', () => {
  it('detects actions outside comments only', () => {
    assert.equal(hasTemplateActions('a: {{ .Values.a }}\n'), true);
    assert.equal(hasTemplateActions('# {{ .Values.a }}\na: 1\n'), false);
    assert.equal(hasTemplateActions('a: "#{{ x }}"\n'), true);
    assert.equal(hasTemplateActions('a: 1 # see {{ docs }}\n'), false);
    assert.equal(hasTemplateActions('a: b\n'), false);
  });

  it('tells actions in plain YAML from actions inside quoted and block scalars', () => {
    assert.equal(hasPlainTemplateActions('a: {{ .Values.a }}\n'), true);
    assert.equal(hasPlainTemplateActions('{{- if .Values.on }}\na: 1\n{{- end }}\n'), true);
    assert.equal(hasPlainTemplateActions('a: "{{ $labels.instance }}"\nb: \'{{ x }}\'\n'), false);
    assert.equal(hasPlainTemplateActions('a: |\n  {{ .Status }}\n  more {{ x }}\nb: 1\n'), false);
    assert.equal(hasPlainTemplateActions('a: |\n  {{ .Status }}\nb: {{ y }}\n'), true, 'the block ends where indentation does');
    assert.deepEqual(maskTemplateActions('a: "{{ q }}"\nb: >-\n  {{ b }}\nc: {{ p }}\n').actions.map((x) => x.context), ['quoted', 'block', 'plain']);
  });

  it('masks with same-length text and keeps every line break', () => {
    const text = '{{- if .Values.on }}\r\nname: {{ include "x.name" . }}\r\nimage: "{{ .Values.repo }}:{{ .Values.tag | default "}}" }}"\r\n{{- end }}\r\n';
    const masked = maskTemplateActions(text);
    assert.equal(masked.masked.length, text.length);
    assert.deepEqual(masked.masked.split(/\r\n/).map((l) => l.length), text.split(/\r\n/).map((l) => l.length));
    assert.equal(masked.masked.split('\r\n')[0].trim(), '', 'control lines become blank');
    assert.match(masked.masked.split('\r\n')[1], /^name: x+$/);
    assert.match(masked.masked.split('\r\n')[2], /^image: "x+:x+"$/, 'a "}}" inside a template string does not end the action');
    assert.equal(masked.actions.length, 5);
    assert.deepEqual(masked.templateLines.map((l) => [l.line, l.output]), [[0, false], [3, false]]);
  });

  it('turns scalars touched by an action into templated nodes with exact ranges', () => {
    const text = 'spec:\n  replicas: {{ .Values.replicas }}\n  image: "{{ .Values.repo }}:1.0"\n  plain: fixed\n';
    const file = parseYamlTree(text);
    assert.deepEqual(file.errors, []);
    const replicas = at(file.documents[0].root, 'spec', 'replicas')!;
    assert.equal(replicas.kind, 'templated');
    assert.equal(textAt(text, replicas.range), '{{ .Values.replicas }}');
    assert.equal(replicas.kind === 'templated' && replicas.reason, HELM_TEMPLATED_REASON);
    assert.equal(textAt(text, replicas.keyRange!), 'replicas');
    const image = at(file.documents[0].root, 'spec', 'image')!;
    assert.equal(image.kind === 'templated' && image.source, '"{{ .Values.repo }}:1.0"');
    assert.equal(at(file.documents[0].root, 'spec', 'plain')!.kind, 'scalar');
  });

  it('gives output lines a place: an empty key, a block scalar, or the enclosing collection', () => {
    const text = [
      'metadata:',
      '  labels:',
      '    {{- include "chart.labels" . | nindent 4 }}',
      '  annotations:',
      '    {{- include "chart.annotations" . | nindent 4 }}',
      '    team: health',
      'data:',
      '  app.yaml: |',
      '    {{- toYaml .Values.config | nindent 4 }}',
      'env:',
      '  - name: A',
      '    value: b',
      '  {{- with .Values.extraEnv }}',
      '  {{- toYaml . | nindent 2 }}',
      '  {{- end }}',
      'tail: 1',
      '',
    ].join('\n');
    const file = parseYamlTree(text);
    assert.deepEqual(file.errors, []);
    const rootNode = file.documents[0].root;
    const labels = at(rootNode, 'metadata', 'labels')!;
    assert.equal(labels.kind, 'templated');
    assert.equal(textAt(text, labels.range), '{{- include "chart.labels" . | nindent 4 }}');
    const annotations = at(rootNode, 'metadata', 'annotations')!;
    assert.equal(annotations.kind, 'map');
    assert.equal(annotations.kind === 'map' && annotations.templated?.length, 1, 'known keys stay, the template is recorded');
    assert.equal(at(rootNode, 'data', 'app.yaml')!.kind, 'templated');
    const env = at(rootNode, 'env')!;
    assert.equal(env.kind === 'seq' && env.templated?.[0].source, '{{- toYaml . | nindent 2 }}');
    assert.equal(at(rootNode, 'tail')!.kind, 'scalar');
  });

  it('keeps template lines at the end of a document in that document', () => {
    const text = 'kind: ServiceAccount\nmetadata:\n  annotations:\n    {{- toYaml . | nindent 4 }}\n---\nkind: Service\n';
    const file = parseYamlTree(text);
    assert.equal(at(file.documents[0].root, 'metadata', 'annotations')!.kind, 'templated');
    assert.equal(at(file.documents[1].root, 'kind')!.kind, 'scalar');
  });

  it('turns a document that is still not YAML after masking into one templated root, without errors', () => {
    const text = 'a: 1\n---\nkey: {{ if .x }}[{{ end }}\n  broken: [\n---\nb: 2\n';
    const file = parseYamlTree(text);
    assert.deepEqual(file.errors, []);
    assert.equal(file.documents[1].root!.kind, 'templated');
    assert.equal(at(file.documents[2].root, 'b')!.kind, 'scalar');
    assert.ok(parseYamlTree('key: [\n').errors.length > 0, 'without templates, errors are reported');
  });

  it('reports real errors of files whose templates all sit inside strings, with a neutral reason', () => {
    const broken = parseYamlTree('summary: "{{ $labels.instance }} down"\nbad: [\n');
    assert.ok(broken.errors.length > 0);
    const fine = parseYamlTree('summary: "{{ $labels.instance }} down"\n');
    const summary = at(fine.documents[0].root, 'summary')!;
    assert.equal(summary.kind === 'templated' && summary.reason, EMBEDDED_TEMPLATE_REASON);
  });

  it('leaves plain YAML untouched (templates: none parses literally)', () => {
    const file = parseYamlTree('a: "{{ not a template }}"\n', { templates: 'none' });
    assert.equal(at(file.documents[0].root, 'a')!.kind, 'scalar');
  });

  it('parses every Helm template of the corpus without errors, with templated values', function () {
    const dirs = [corpusDir('kubernetes'), corpusDir('app-config')].filter((d): d is string => d !== undefined);
    if (dirs.length === 0) this.skip();
    const files = dirs.flatMap((d) => listFiles(d, (p) => /\/templates\/.*\.ya?ml$/.test(p)));
    assert.ok(files.length >= 30, `found ${files.length} templates`);
    let templated = 0;
    for (const path of files) {
      const text = readText(path);
      const file = parseYamlTree(text);
      assert.deepEqual(file.errors, [], path);
      for (const document of file.documents) {
        const n = countTemplated(document.root);
        templated += n;
        if (document.root?.kind === 'templated') assert.fail(`${path}: document ${document.index} could not be read`);
      }
    }
    assert.ok(templated > files.length, `${templated} templated nodes in ${files.length} files`);
  });
});
