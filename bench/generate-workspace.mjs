// Generates a workspace of `count` files in memory (path → text): Terraform modules of 10 files,
// Kubernetes manifests and application configuration, in the proportions of a real health-care
// platform repository. Deterministic, so runs compare.
export function generateWorkspace(count) {
  const files = new Map();
  let i = 0;
  while (files.size < count) {
    const slot = i % 10;
    const module = `/bench/ws/terraform/m${Math.floor(i / 10)}`;
    if (slot < 6) {
      files.set(
        `${module}/r${slot}.tf`,
        [
          `resource "aws_s3_bucket" "b${i}" {`,
          `  bucket = "ehr-${i}"`,
          '  tags   = local.tags',
          '}',
          '',
          `resource "aws_db_instance" "d${i}" {`,
          '  engine              = "postgres"',
          '  storage_encrypted   = var.encrypted',
          `  publicly_accessible = ${i % 7 === 0}`,
          '}',
        ].join('\n'),
      );
      if (slot === 0) {
        files.set(`${module}/variables.tf`, 'variable "encrypted" {\n  default = true\n}\nlocals {\n  tags = { data-classification = "phi" }\n}\n');
      }
    } else if (slot < 9) {
      files.set(
        `/bench/ws/k8s/app${i}.yaml`,
        [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          `  name: app-${i}`,
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          `        - name: app-${i}`,
          `          image: registry.example.eu/app:${i % 5 === 0 ? 'latest' : '1.0'}`,
          '          securityContext:',
          `            privileged: ${i % 11 === 0}`,
        ].join('\n'),
      );
    } else {
      files.set(`/bench/ws/config/s${i}/application.properties`, `server.port=8443\nmanagement.endpoints.web.exposure.include=${i % 3 === 0 ? '*' : 'health'}\nspring.datasource.url=jdbc:postgresql://db:5432/x?sslmode=require\n`);
    }
    i++;
  }
  return files;
}
