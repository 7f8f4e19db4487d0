import * as assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { classifyFile, documentSyntax, type DocumentKind } from '../../../src/core/documents/classify';
import { corpusDir, listFiles, readText } from './support';

describe('classifyFile', () => {
  it('classifies Terraform, tfvars and the project files by name', () => {
    assert.equal(classifyFile('infra/main.tf', ''), 'terraform');
    assert.equal(classifyFile('infra/main.tf.json', '{}'), 'terraform-json');
    assert.equal(classifyFile('prod.tfvars', ''), 'tfvars');
    assert.equal(classifyFile('prod.tfvars.json', '{}'), 'tfvars-json');
    assert.equal(classifyFile('repo/.enisa-health.yaml', 'rules: {}'), 'enisa-config');
  });

  it('reads YAML content: Kubernetes, Helm, kustomize, compose, Spring, HAPI', () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';
    assert.equal(classifyFile('deploy/app.yaml', manifest), 'kubernetes');
    assert.equal(classifyFile('deploy/app.yaml', '# doc\n---\nfoo: 1\n---\n' + manifest), 'kubernetes');
    assert.equal(classifyFile('chart/templates/svc.yaml', manifest.replace('name: x', 'name: {{ .Release.Name }}')), 'helm-template');
    assert.equal(classifyFile('chart/templates/plain.yaml', manifest, { insideHelmChart: true }), 'helm-template');
    assert.equal(classifyFile('other/templates/plain.yaml', manifest), 'kubernetes', 'a templates/ folder alone is not a chart');
    const prometheusRule = manifest + 'data:\n  rule: |\n    summary: {{ $labels.instance }} down\n  note: "{{ $value }}"\n';
    assert.equal(classifyFile('monitoring/rules.yaml', prometheusRule), 'kubernetes', 'templates for another tool inside strings');
    assert.equal(classifyFile('deploy/app.yaml', manifest + 'spec:\n  replicas: {{ .Values.n }}\n'), 'helm-template');
    assert.equal(classifyFile('chart/values.yaml', 'replicaCount: 1\n', { siblings: ['Chart.yaml', 'templates'] }), 'helm-values');
    assert.equal(classifyFile('chart/values-prod.yaml', 'replicaCount: 1\n', { siblings: ['Chart.yaml'] }), 'helm-values');
    assert.equal(classifyFile('app/values.yaml', 'replicaCount: 1\n', { siblings: ['main.go'] }), 'yaml');
    assert.equal(classifyFile('k/kustomization.yaml', 'resources: [a.yaml]\n'), 'kustomization');
    assert.equal(classifyFile('stack.yml', 'services:\n  web:\n    image: nginx\n'), 'compose');
    assert.equal(classifyFile('docker-compose.override.yml', 'services:\n  web:\n    environment: {}\n'), 'compose');
    assert.equal(classifyFile('conf/application-prod.yml', 'server:\n  port: 8443\n'), 'spring-config');
    assert.equal(classifyFile('conf/settings.yml', 'spring:\n  datasource:\n    url: x\n'), 'spring-config');
    assert.equal(classifyFile('conf/application.yaml', 'spring:\n  x: 1\nhapi:\n  fhir:\n    fhir_version: R4\n'), 'hapi-fhir-config');
    assert.equal(classifyFile('ci/workflow.yml', 'on: push\njobs: {}\n'), 'yaml');
  });

  it('recognises rule files', () => {
    const rule = '- id: k8s-no-privileged\n  title: x\n  target: kubernetes\n  select:\n    types: [Pod]\n  condition:\n    path: spec\n';
    assert.equal(classifyFile('my-rules/privileged.yaml', rule), 'rule-file');
    assert.equal(classifyFile('rules/packs/k8s/anything.yaml', 'x: 1\n'), 'rule-file');
  });

  it('reads JSON content: ASP.NET, Orthanc, Kubernetes', () => {
    assert.equal(classifyFile('src/Api/appsettings.Development.json', '{}'), 'aspnet-config');
    assert.equal(classifyFile('orthanc/orthanc.json', '{ "Name": "PACS", "DicomAet": "ORTHANC" }'), 'orthanc-config');
    assert.equal(classifyFile('orthanc/pg.jsonc', '{ "PostgreSQL": { "EnableIndex": true } }'), 'orthanc-config');
    assert.equal(classifyFile('orthanc/x.json', '{ "Name": "A", "HttpPort": 8042 }'), 'orthanc-config');
    assert.equal(classifyFile('web/package.json', '{ "name": "x", "version": "1" }'), 'json');
    assert.equal(classifyFile('pod.json', '{"apiVersion": "v1", "kind": "Pod"}'), 'kubernetes');
  });

  it('reads flat formats by name and content', () => {
    assert.equal(classifyFile('.env', 'A=1'), 'dotenv');
    assert.equal(classifyFile('deploy/.env.production', 'A=1'), 'dotenv');
    assert.equal(classifyFile('orthanc.env', 'A=1'), 'dotenv');
    assert.equal(classifyFile('src/main/resources/application.properties', 'server.port=8443\n'), 'spring-config');
    assert.equal(classifyFile('src/main/resources/application.properties', 'hapi.fhir.enabled=true\n'), 'hapi-fhir-config');
    assert.equal(classifyFile('conf/catalina.properties', 'common.loader=x\n'), 'properties');
    assert.equal(classifyFile('mosquitto.conf', ''), 'mosquitto');
    assert.equal(classifyFile('broker/custom.conf', 'listener 8883\ncafile /ca.pem\n'), 'mosquitto');
    assert.equal(classifyFile('nginx/default.conf', 'server {\n  listen 80;\n}\n'), 'unknown');
    assert.equal(classifyFile('README.md', '# hi'), 'unknown');
  });

  it('names the syntax of each kind', () => {
    assert.equal(documentSyntax('terraform', 'a.tf'), 'hcl');
    assert.equal(documentSyntax('aspnet-config', 'appsettings.json'), 'json');
    assert.equal(documentSyntax('spring-config', 'application.properties'), 'properties');
    assert.equal(documentSyntax('spring-config', 'application.yml'), 'yaml');
    assert.equal(documentSyntax('dotenv', '.env'), 'env');
    assert.equal(documentSyntax('unknown', 'x'), 'none');
  });

  it('classifies every corpus file of Kubernetes and application config sensibly', function () {
    const roots = [corpusDir('kubernetes'), corpusDir('app-config')].filter((d): d is string => d !== undefined);
    if (roots.length === 0) this.skip();
    const counts = new Map<DocumentKind, number>();
    const problems: string[] = [];
    for (const root of roots) {
      for (const path of listFiles(root)) {
        const text = readText(path);
        const kind = classifyFile(path, text, { siblings: readdirSync(dirname(path)), insideHelmChart: insideChart(path, root) });
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
        const expected = expectedKind(relative(root, path), text);
        if (expected && !expected.includes(kind)) problems.push(`${relative(root, path)}: ${kind}, expected ${expected.join(' or ')}`);
      }
    }
    assert.deepEqual(problems, []);
    // What the corpus holds, kind by kind: a change here means classification changed.
    // (`unknown` is mostly README, LICENSE, C#/Java sources, nginx and TLS .conf/.cnf files.)
    assert.deepEqual(Object.fromEntries([...counts].sort()), {
      'aspnet-config': 22,
      compose: 80,
      dotenv: 5,
      'hapi-fhir-config': 7,
      'helm-template': 44,
      'helm-values': 7,
      json: 22,
      kubernetes: 300,
      kustomization: 21,
      mosquitto: 9,
      'orthanc-config': 32,
      properties: 1,
      'spring-config': 6,
      terraform: 5,
      tfvars: 1,
      unknown: 134,
      yaml: 7,
    });
  });
});

function insideChart(path: string, root: string): boolean {
  for (let dir = dirname(path); dir.startsWith(root); dir = dirname(dir)) {
    if (existsSync(join(dir, 'Chart.yaml'))) return true;
    if (dir === root) break;
  }
  return false;
}

/** What a corpus file must be, from where it lives and what it is called (undefined: anything). */
function expectedKind(path: string, text: string): DocumentKind[] | undefined {
  const name = path.split('/').pop()!;
  if (/\.(md|txt|tpl|gotmpl|lock|cnf|example|xml|cs|java|sql|sh|py|lua|js|html|css|svg|png)$/.test(name) || !name.includes('.')) return undefined;
  if (name === 'kustomization.yaml') return ['kustomization'];
  if (/\/templates\/.+\.ya?ml$/.test(path) && /helm|charts/.test(path)) return ['helm-template'];
  if (name === 'Chart.yaml') return ['yaml'];
  if (/helm|charts/.test(path) && /values\.ya?ml$/.test(name)) return ['helm-values'];
  if (/^(docker-)?compose.*\.ya?ml$/.test(name)) return ['compose'];
  if (/^appsettings.*\.json$/.test(name)) return ['aspnet-config'];
  // An Orthanc file holding next to nothing (`{}`, only a name) cannot be told from other JSON.
  if (/^orthanc.*\.jsonc?$/.test(name)) return (text.match(/"\s*:/g) ?? []).length >= 3 ? ['orthanc-config'] : ['orthanc-config', 'json'];
  if (/\.env$/.test(name) || name === '.env') return ['dotenv'];
  if (name === 'mosquitto.conf' || (/eclipse__mosquitto/.test(path) && name.endsWith('.conf'))) return ['mosquitto'];
  if (name.endsWith('.conf')) return ['unknown'];
  if (/spring-petclinic\/src\/main\/resources\/application.*\.properties$/.test(path)) return ['spring-config'];
  if (/hapi-fhir-jpaserver-starter\/src\/.*\.yaml$/.test(path)) return ['hapi-fhir-config', 'spring-config', 'yaml'];
  if (/kubernetes-manifests\/.+\.yaml$|kustomize\/base\/.+\.yaml$|\/k8s\/.+\.yml$|guestbook.*\.yaml$/.test(path)) return ['kubernetes'];
  if (/\.tf$/.test(name)) return ['terraform'];
  return undefined;
}
