import assert from 'node:assert/strict';
import { parseSinkDestination } from '../../../src/core/rules/predicates/gcp-log-sinks';
import { gcpFindings } from './gcp-helpers';

describe('predicate gcp-log-sink-destination-in-allowed-regions', () => {
  it('reads the four kinds of sink destination', () => {
    assert.deepEqual(parseSinkDestination('storage.googleapis.com/b'), { kind: 'bucket', name: 'b' });
    assert.deepEqual(parseSinkDestination('bigquery.googleapis.com/projects/p/datasets/d'), { kind: 'dataset', name: 'd' });
    assert.deepEqual(parseSinkDestination('pubsub.googleapis.com/projects/p/topics/t'), { kind: 'topic', name: 't' });
    assert.deepEqual(parseSinkDestination('logging.googleapis.com/projects/p/locations/eu/buckets/b'), { kind: 'log-bucket', location: 'eu' });
    assert.equal(parseSinkDestination('logging.googleapis.com/projects/p'), undefined);
  });

  it('follows a reference to a log bucket and reads its location', async () => {
    const files = `resource "google_logging_project_bucket_config" "b" {\n  project   = "p"\n  location  = "us-central1"\n  bucket_id = "b"\n}\nresource "google_logging_project_sink" "s" {\n  name        = "s"\n  destination = "logging.googleapis.com/\${google_logging_project_bucket_config.b.id}"\n}\n`;
    const [finding] = await gcpFindings('gcp-log-sink-destination-in-allowed-regions', files);
    assert.match(finding.message, /"us-central1"/);
  });
});
