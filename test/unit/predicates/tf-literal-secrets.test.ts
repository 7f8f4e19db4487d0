import assert from 'node:assert/strict';
import { isSecretArgument } from '../../../src/core/rules/predicates/tf-literal-secrets';
import { covered, gcpFindings } from './gcp-helpers';

const ID = 'tf-no-literal-secrets';

describe('predicate tf-no-literal-secrets', () => {
  it('recognises secret argument names, also nested and write-only', () => {
    for (const name of ['password', 'admin_password', 'administrator_login_password', 'client_secret', 'token', 'access_key', 'private_key', 'connection_string', 'password_wo']) {
      assert.equal(isSecretArgument(name, 'x', []), true, name);
    }
    for (const name of ['password_length', 'secret_id', 'token_ttl', 'creation_token', 'username', 'key_name']) {
      assert.equal(isSecretArgument(name, 'x', []), false, name);
    }
    assert.equal(isSecretArgument('secret', 'google_cloud_run_v2_service', ['template', 'containers', 'env', 'value_source', 'secret_key_ref']), false);
    assert.equal(isSecretArgument('value', 'azurerm_container_app', ['secret']), true);
    assert.equal(isSecretArgument('secret_data', 'google_secret_manager_secret_version', []), true);
  });

  it('reports a literal at the argument, without leaking it into the message', async () => {
    const hcl = `resource "google_sql_user" "u" {\n  name     = "u"\n  instance = "i"\n  password = "p@ss-w0rd"\n}\n`;
    const [finding] = await gcpFindings(ID, hcl);
    assert.equal(covered(hcl, finding), '"p@ss-w0rd"');
    assert.doesNotMatch(finding.message, /p@ss-w0rd/);
    assert.match(finding.message, /\(password\)/);
  });

  it('reports a variable default at the default, with the using argument as related location', async () => {
    const variables = `variable "pw" {\n  default = "changeme"\n}\n`;
    const main = `resource "google_sql_user" "u" {\n  name     = "u"\n  instance = "i"\n  password = var.pw\n}\n`;
    const [finding] = await gcpFindings(ID, { 'variables.tf': variables, 'main.tf': main });
    assert.equal(finding.file, '/gcp/variables.tf');
    assert.equal(covered(variables, finding), '"changeme"');
    assert.equal(finding.related[0].file, '/gcp/main.tf');
    assert.equal(finding.related[0].range.start.line, 3);
  });

  it('ignores empty values, null, variables without a default, interpolations and store references', async () => {
    const hcl = `variable "pw" {}\nresource "x_db" "a" {\n  password       = ""\n  admin_password = null\n  root_password  = var.pw\n  master_password = "\${var.pw}-suffix"\n  client_secret  = "@Microsoft.KeyVault(SecretUri=https://kv/secrets/s/)"\n}\n`;
    assert.deepEqual(await gcpFindings(ID, hcl), []);
  });

  it('covers provider configurations', async () => {
    const hcl = `provider "aws" {\n  region     = "eu-central-1"\n  secret_key = "wJalrXUtnFEMI"\n}\n`;
    const [finding] = await gcpFindings(ID, hcl);
    assert.equal(covered(hcl, finding), '"wJalrXUtnFEMI"');
  });
});
