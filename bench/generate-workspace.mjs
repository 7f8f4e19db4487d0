#!/usr/bin/env node
// Writes a synthetic health-care workspace for the benchmarks: Terraform modules (AWS, Azure,
// GCP), Kubernetes manifests and application configuration (Spring, ASP.NET, dotenv, compose,
// Mosquitto), with a seeded mix of secure and insecure settings so rules fire at a realistic rate.
// The same seed and count always give the same files.
//   node bench/generate-workspace.mjs <dir> <files> [seed]
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The seeded PRNG the test suites use (test/fuzz/random.ts), from out/: `npm run bench` builds it.
 * Loaded on first use, so bench/run.mjs can still explain a missing out/ itself.
 */
function random(seed) {
  const require = createRequire(import.meta.url);
  try {
    return require('../out/test/fuzz/random.js').createRandom(seed);
  } catch (error) {
    throw new Error(`the generator needs out/test/fuzz/random.js: run "node scripts/build.mjs --tests" first (${error.message})`);
  }
}

const SERVICES = ['ehr', 'pacs', 'lab', 'portal', 'billing', 'telemed', 'fhir', 'triage', 'pharmacy', 'imaging', 'records', 'consent'];
const AWS_REGIONS = ['eu-central-1', 'eu-west-1', 'eu-north-1', 'us-east-1'];
const AZURE_REGIONS = ['westeurope', 'northeurope', 'germanywestcentral', 'eastus'];
const GCP_REGIONS = ['europe-west1', 'europe-west3', 'europe-north1', 'us-central1'];

function tags(r, name) {
  return `  tags = {\n    service             = "${name}"\n    environment         = var.environment\n    data-classification = "${r.pick(['phi', 'internal', 'public'])}"\n  }\n`;
}

const TF_RESOURCES = [
  (r, n, i) =>
    `resource "aws_s3_bucket" "${n}_${i}" {\n  bucket = "medicloud-${n}-${i}"\n${tags(r, n)}}\n\n` +
    (r.chance(0.6)
      ? `resource "aws_s3_bucket_server_side_encryption_configuration" "${n}_${i}" {\n  bucket = aws_s3_bucket.${n}_${i}.id\n\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.${n}_${i}.arn\n    }\n  }\n}\n\nresource "aws_kms_key" "${n}_${i}" {\n  description             = "Key for ${n}"\n  deletion_window_in_days = 30\n  enable_key_rotation     = ${r.chance(0.7)}\n}\n`
      : '') +
    (r.chance(0.5)
      ? `\nresource "aws_s3_bucket_public_access_block" "${n}_${i}" {\n  bucket                  = aws_s3_bucket.${n}_${i}.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = ${r.chance(0.8)}\n  restrict_public_buckets = true\n}\n`
      : ''),
  (r, n, i) =>
    `resource "aws_db_instance" "${n}_${i}" {\n  identifier          = "${n}-${i}"\n  engine              = "${r.pick(['postgres', 'mysql', 'mariadb'])}"\n  engine_version      = "16.3"\n  instance_class      = "db.m6g.large"\n  allocated_storage   = ${r.int(20, 500)}\n  username            = "${n}_admin"\n  password            = var.db_password\n  storage_encrypted   = ${r.chance(0.7)}\n  publicly_accessible = ${r.chance(0.2)}\n  backup_retention_period = ${r.int(0, 35)}\n${tags(r, n)}}\n`,
  (r, n, i) =>
    `resource "aws_security_group" "${n}_${i}" {\n  name   = "${n}-${i}"\n  vpc_id = var.vpc_id\n\n  ingress {\n    from_port   = ${r.pick([22, 443, 5432, 3389, 8080])}\n    to_port     = ${r.pick([22, 443, 5432, 3389, 8080])}\n    protocol    = "tcp"\n    cidr_blocks = ["${r.pick(['0.0.0.0/0', '10.0.0.0/8', '192.168.1.0/24'])}"]\n  }\n\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`,
  (r, n, i) =>
    `resource "azurerm_storage_account" "${n}${i}" {\n  name                     = "medicloud${n}${i}"\n  resource_group_name      = var.resource_group\n  location                 = "${r.pick(AZURE_REGIONS)}"\n  account_tier             = "Standard"\n  account_replication_type = "GRS"\n  min_tls_version          = "${r.pick(['TLS1_0', 'TLS1_2', 'TLS1_2'])}"\n  https_traffic_only_enabled = ${r.chance(0.8)}\n}\n`,
  (r, n, i) =>
    `resource "google_storage_bucket" "${n}_${i}" {\n  name                        = "medicloud-${n}-${i}"\n  location                    = "${r.pick(GCP_REGIONS)}"\n  uniform_bucket_level_access = ${r.chance(0.7)}\n\n  versioning {\n    enabled = ${r.chance(0.6)}\n  }\n}\n`,
  (r, n, i) =>
    `resource "google_healthcare_dataset" "${n}_${i}" {\n  name     = "${n}-${i}"\n  location = "${r.pick(GCP_REGIONS)}"\n}\n\nresource "google_healthcare_fhir_store" "${n}_${i}" {\n  name    = "${n}-${i}"\n  dataset = google_healthcare_dataset.${n}_${i}.id\n  version = "R4"\n}\n\nresource "google_healthcare_fhir_store_iam_member" "${n}_${i}" {\n  fhir_store_id = google_healthcare_fhir_store.${n}_${i}.id\n  role          = "roles/healthcare.fhirResourceReader"\n  member        = "${r.pick(['allUsers', 'group:clinicians@example.eu', 'serviceAccount:etl@example.iam.gserviceaccount.com'])}"\n}\n`,
  (r, n, i) =>
    `resource "aws_cloudtrail" "${n}_${i}" {\n  name                          = "${n}-${i}"\n  s3_bucket_name                = "medicloud-audit"\n  is_multi_region_trail         = ${r.chance(0.5)}\n  enable_log_file_validation    = ${r.chance(0.5)}\n}\n`,
];

function terraformModule(r, name) {
  const provider = r.pick(['aws', 'aws', 'azurerm', 'google']);
  const region = provider === 'aws' ? r.pick(AWS_REGIONS) : provider === 'azurerm' ? r.pick(AZURE_REGIONS) : r.pick(GCP_REGIONS);
  const providerBlock =
    provider === 'aws'
      ? `provider "aws" {\n  region = "${region}"\n}\n\n`
      : provider === 'azurerm'
        ? 'provider "azurerm" {\n  features {}\n}\n\n'
        : `provider "google" {\n  region = "${region}"\n}\n\n`;
  let main = providerBlock;
  const count = r.int(3, 9);
  for (let i = 0; i < count; i++) main += `${r.pick(TF_RESOURCES)(r, name, i)}\n`;
  const variables =
    'variable "environment" {\n  type    = string\n  default = "prod"\n}\n\nvariable "db_password" {\n  type      = string\n  sensitive = true\n}\n\nvariable "vpc_id" {\n  type = string\n}\n\nvariable "resource_group" {\n  type    = string\n  default = "medicloud"\n}\n';
  const outputs = `output "${name}_id" {\n  value = "${name}"\n}\n`;
  return { 'main.tf': main, 'variables.tf': variables, 'outputs.tf': outputs };
}

function kubernetesManifest(r, name) {
  const secure = r.chance(0.6);
  const containers = Array.from({ length: r.int(1, 3) }, (_, i) =>
    [
      `        - name: ${name}-${i}`,
      `          image: registry.example.eu/medicloud/${name}:${r.pick(['1.4.2', 'latest', '2.0.0'])}`,
      '          ports:',
      `            - containerPort: ${r.pick([8080, 8443, 9000])}`,
      '          env:',
      '            - name: SPRING_PROFILES_ACTIVE',
      '              value: prod',
      ...(r.chance(0.3) ? ['            - name: DB_PASSWORD', `              value: "changeme-${name}-${i}"`] : []),
      '          securityContext:',
      `            privileged: ${!secure && r.chance(0.4)}`,
      `            allowPrivilegeEscalation: ${!secure}`,
      `            runAsNonRoot: ${secure}`,
      ...(secure ? ['            readOnlyRootFilesystem: true', '            capabilities:', '              drop: ["ALL"]'] : []),
      '          resources:',
      '            requests:',
      '              cpu: 250m',
      '              memory: 512Mi',
      ...(secure ? ['            limits:', '              cpu: "1"', '              memory: 1Gi'] : []),
    ].join('\n'),
  ).join('\n');
  const docs = [
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: medicloud\n  labels:\n    app: ${name}\n    data-classification: phi\nspec:\n  replicas: ${r.int(1, 4)}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      serviceAccountName: ${name}\n      automountServiceAccountToken: ${!secure}\n      containers:\n${containers}\n`,
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: medicloud\nspec:\n  type: ${r.pick(['ClusterIP', 'ClusterIP', 'LoadBalancer', 'NodePort'])}\n  selector:\n    app: ${name}\n  ports:\n    - port: 443\n      targetPort: 8443\n`,
  ];
  if (r.chance(0.5)) {
    docs.push(
      `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\n  namespace: medicloud\nspec:\n${r.chance(0.6) ? `  tls:\n    - hosts: [${name}.example.eu]\n      secretName: ${name}-tls\n` : ''}  rules:\n    - host: ${name}.example.eu\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: ${name}\n                port:\n                  number: 443\n`,
    );
  }
  if (r.chance(0.4)) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-config\n  namespace: medicloud\ndata:\n  LOG_LEVEL: ${r.pick(['info', 'debug'])}\n  FHIR_BASE: https://fhir.example.eu/${name}\n`);
  return docs.join('---\n');
}

const APP_CONFIG = [
  (r, n) => [
    'application.yml',
    `spring:\n  application:\n    name: ${n}\n  datasource:\n    url: jdbc:postgresql://db.example.eu:5432/${n}${r.chance(0.5) ? '?sslmode=require' : ''}\n    username: ${n}\n    password: ${r.chance(0.3) ? `s3cret-${n}` : '${DB_PASSWORD}'}\nserver:\n  port: 8443\n  ssl:\n    enabled: ${r.chance(0.7)}\nmanagement:\n  endpoints:\n    web:\n      exposure:\n        include: "${r.pick(['health,info', '*', 'health'])}"\nlogging:\n  level:\n    root: ${r.pick(['INFO', 'DEBUG'])}\n`,
  ],
  (r, n) => [
    'application-prod.properties',
    `spring.application.name=${n}\nserver.port=8443\nserver.ssl.enabled=${r.chance(0.7)}\nmanagement.endpoints.web.exposure.include=${r.pick(['health', '*'])}\nspring.datasource.url=jdbc:mysql://db.example.eu/${n}?useSSL=${r.chance(0.5)}\nspring.datasource.password=${r.chance(0.3) ? 'plaintext-password' : '${DB_PASSWORD}'}\nlogging.level.root=INFO\n`,
  ],
  (r, n) => [
    'appsettings.json',
    `{\n  "Logging": { "LogLevel": { "Default": "${r.pick(['Information', 'Debug'])}" } },\n  "AllowedHosts": "${r.pick(['*', `${n}.example.eu`])}",\n  "ConnectionStrings": { "Default": "Server=db.example.eu;Database=${n};User Id=${n};Password=${r.chance(0.3) ? 'Pa55word!' : '${DB_PASSWORD}'};Encrypt=${r.chance(0.6)}" },\n  "Kestrel": { "Endpoints": { "Https": { "Url": "https://0.0.0.0:8443" } } }\n}\n`,
  ],
  (r, n) => ['.env', `APP_NAME=${n}\nDB_HOST=db.example.eu\nDB_PASSWORD=${r.chance(0.4) ? `literal-${n}-password` : '${VAULT_DB_PASSWORD}'}\nSPRING_PROFILES_ACTIVE=prod\n`],
  (r) => ['mosquitto.conf', `listener 1883\nallow_anonymous ${r.chance(0.4)}\n\nlistener 8883\ncafile /etc/mosquitto/ca.crt\ncertfile /etc/mosquitto/server.crt\nkeyfile /etc/mosquitto/server.key\nrequire_certificate ${r.chance(0.5)}\npassword_file /etc/mosquitto/passwd\n`],
  (r, n) => [
    'docker-compose.yml',
    `services:\n  ${n}:\n    image: registry.example.eu/medicloud/${n}:${r.pick(['1.0.0', 'latest'])}\n    ports:\n      - "${r.pick(['8443:8443', '0.0.0.0:5432:5432', '127.0.0.1:8080:8080'])}"\n    environment:\n      DB_PASSWORD: ${r.chance(0.3) ? 'plaintext' : '${DB_PASSWORD}'}\n    privileged: ${r.chance(0.2)}\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${r.chance(0.5) ? 'postgres' : '${PG_PASSWORD}'}\n`,
  ],
];

/** Writes about `files` files under `dir`; returns the list of written paths and their total size. */
export function generateWorkspace(dir, { files, seed = 1 }) {
  const r = random(seed);
  const written = [];
  let bytes = 0;
  const write = (relativePath, text) => {
    const full = join(dir, relativePath);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    written.push(full);
    bytes += Buffer.byteLength(text);
  };
  for (let unit = 0; written.length < files; unit++) {
    const name = `${r.pick(SERVICES)}${unit}`;
    const roll = r.next();
    if (roll < 0.3) {
      for (const [file, text] of Object.entries(terraformModule(r, name))) write(`infra/${name}/${file}`, text);
    } else if (roll < 0.7) {
      write(`k8s/${r.pick(['prod', 'staging', 'dev'])}/${name}.yaml`, kubernetesManifest(r, name));
    } else {
      const [file, text] = r.pick(APP_CONFIG)(r, name);
      write(`services/${name}/${file}`, text);
    }
  }
  return { files: written, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, count = '1000', seed = '1'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/generate-workspace.mjs <dir> <files> [seed]');
    process.exit(2);
  }
  const result = generateWorkspace(dir, { files: Number(count), seed: Number(seed) });
  console.log(`wrote ${result.files.length} files, ${(result.bytes / 1e6).toFixed(2)} MB, to ${dir}`);
}
