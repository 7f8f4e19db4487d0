import assert from 'node:assert/strict';
import { bigQueryDatasetOf, topicNameOf } from '../../../src/core/rules/predicates/gcp-healthcare-exports';
import { gcpFindings } from './gcp-helpers';

const ID = 'gcp-healthcare-exports-in-allowed-regions';

function fhirStore(body: string): string {
  return `resource "google_healthcare_fhir_store" "s" {\n  name    = "s"\n  dataset = "d"\n  version = "R4"\n${body}\n}\n`;
}

const stream = (uri: string) => `  stream_configs {\n    bigquery_destination {\n      dataset_uri = ${uri}\n      schema_config {\n        recursive_structure_depth = 2\n      }\n    }\n  }`;

describe('predicate gcp-healthcare-exports-in-allowed-regions', () => {
  it('reads dataset and topic names from URIs', () => {
    assert.equal(bigQueryDatasetOf('bq://proj.ds'), 'ds');
    assert.equal(bigQueryDatasetOf('bq://proj.ds.table'), 'ds');
    assert.equal(bigQueryDatasetOf('gs://bucket/x'), undefined);
    assert.equal(topicNameOf('projects/p/topics/changes'), 'changes');
  });

  it('follows a variable to a literal URI and checks the dataset it names', async () => {
    const files = `variable "uri" {\n  default = "bq://p.eu_ds"\n}\nresource "google_bigquery_dataset" "eu" {\n  dataset_id = "eu_ds"\n  location   = "europe-west4"\n}\n${fhirStore(stream('var.uri'))}`;
    assert.deepEqual(await gcpFindings(ID, files), []);
  });

  it('uses the allow-list, so an allowed regional location passes and a US one fails', async () => {
    const dataset = (location: string) => `resource "google_bigquery_dataset" "ds" {\n  dataset_id = "ds"\n  location   = "${location}"\n}\n`;
    const uri = '"bq://p.${google_bigquery_dataset.ds.dataset_id}"';
    assert.deepEqual(await gcpFindings(ID, dataset('europe-west1') + fhirStore(stream(uri))), []);
    const [finding] = await gcpFindings(ID, dataset('us-central1') + fhirStore(stream(uri)));
    assert.match(finding.message, /"us-central1"/);
    assert.ok(finding.related.some((r) => /location of google_bigquery_dataset.ds/.test(r.message)));
  });

  it('checks topics only for notifications that carry full resources', async () => {
    const topic = `resource "google_pubsub_topic" "t" {\n  name = "t"\n  message_storage_policy {\n    allowed_persistence_regions = ["europe-west4", "us-east1"]\n  }\n}\n`;
    const notify = (full: boolean) => `  notification_configs {\n    pubsub_topic       = "projects/p/topics/t"\n    send_full_resource = ${full}\n  }`;
    assert.deepEqual(await gcpFindings(ID, topic + fhirStore(notify(false))), []);
    const [finding] = await gcpFindings(ID, topic + fhirStore(notify(true)));
    assert.match(finding.message, /"us-east1"/);
  });
});
