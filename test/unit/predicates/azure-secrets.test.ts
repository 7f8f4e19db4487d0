import assert from 'node:assert/strict';
import { isSecretConnectionString, isSecretSetting } from '../../../src/core/rules/predicates/azure-app-secrets';
import { coveredText, findingsOf } from './azure-helpers';

describe('predicate azure-app-settings-no-literal-secrets', () => {
  it('recognises secrets in connection strings', () => {
    assert.equal(isSecretConnectionString('Server=x;Database=y;User ID=a;Password=b'), true);
    assert.equal(isSecretConnectionString('Endpoint=sb://x/;SharedAccessKeyName=k;SharedAccessKey=abc='), true);
    assert.equal(isSecretConnectionString('DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k=='), true);
    assert.equal(isSecretConnectionString('Server=x;Authentication=Active Directory Managed Identity'), false);
    assert.equal(isSecretConnectionString('Server=x;Password=;'), false);
    assert.equal(isSecretConnectionString('@Microsoft.KeyVault(SecretUri=https://kv/secrets/db/)'), false);
  });

  it('recognises settings named like secrets with literal values', () => {
    assert.equal(isSecretSetting('DB_PASSWORD', 'hunter2hunter2'), true);
    assert.equal(isSecretSetting('ClientSecret', 'abcdefgh12345'), true);
    assert.equal(isSecretSetting('STRIPE_API_KEY', 'sk_live_123456'), true);
    assert.equal(isSecretSetting('DB_PASSWORD', '@Microsoft.KeyVault(SecretUri=https://kv/secrets/db/)'), false);
    assert.equal(isSecretSetting('USE_TOKEN', 'true'), false);
    assert.equal(isSecretSetting('FHIR_BASE_URL', 'https://fhir.example.org'), false);
    assert.equal(isSecretSetting('API_KEY', ''), false);
  });

  it('points at the offending entry of a literal app_settings map', async () => {
    const hcl = `resource "azurerm_linux_web_app" "a" {
  name = "a"
  app_settings = {
    SAFE        = "value"
    DB_PASSWORD = "Correct-Horse-9"
  }
}
`;
    const [finding] = await findingsOf('azure-app-service-no-literal-secrets', hcl);
    assert.equal(coveredText(hcl, finding), '"Correct-Horse-9"');
    assert.match(finding.message, /app setting DB_PASSWORD/);
  });

  it('checks maps built by expressions as a whole', async () => {
    const hcl = `locals {
  settings = { DB_PASSWORD = "Correct-Horse-9" }
}
resource "azurerm_linux_web_app" "a" {
  name         = "a"
  app_settings = merge(local.settings, { OTHER = "x" })
}
`;
    assert.equal((await findingsOf('azure-app-service-no-literal-secrets', hcl)).length, 1);
  });
});

describe('predicate azure-password-not-literal', () => {
  const RULE = 'azure-admin-password-not-in-code';

  it('fails a literal password and one from a variable default', async () => {
    const hcl = `variable "pw" {
  default = "Winter2024!"
}
resource "azurerm_mssql_server" "a" {
  administrator_login_password = var.pw
}
resource "azurerm_linux_virtual_machine" "b" {
  admin_password = "Summer2024!"
}
`;
    assert.deepEqual((await findingsOf(RULE, hcl)).map((f) => coveredText(hcl, f)), ['var.pw', '"Summer2024!"']);
  });

  it('passes passwords the code cannot know, and nested legacy profiles are read', async () => {
    const unknown = `variable "pw" {}
resource "azurerm_mssql_server" "a" {
  administrator_login_password = var.pw
}
`;
    assert.deepEqual(await findingsOf(RULE, unknown), []);
    const nested = `resource "azurerm_virtual_machine" "v" {
  os_profile {
    admin_password = "Autumn2024!"
  }
}
`;
    assert.equal((await findingsOf(RULE, nested)).length, 1);
  });
});
