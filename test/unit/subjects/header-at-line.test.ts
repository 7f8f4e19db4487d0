import * as assert from 'node:assert/strict';
import { belongsToHeader, subjectHeaderAt } from '../../../src/core/subjects/header-at-line';

const TF = `provider "aws" {
  alias  = "dr"
  region = "us-east-1"
}

resource "aws_s3_bucket" "records" {
  bucket = "x"
}

data "aws_iam_policy_document" "p" {}
module "network" {
  source = "./net"
}
`;

const K8S = `apiVersion: v1
kind: Namespace
metadata:
  name: ehr
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: ehr
  labels:
    name: not-this
spec: {}
`;

describe('subjects: the subject a line opens', () => {
  it('reads Terraform block headers the way findings name them', () => {
    assert.deepEqual(subjectHeaderAt('/m/main.tf', TF, 5), { resource: 'aws_s3_bucket.records', includesNested: false });
    assert.equal(subjectHeaderAt('/m/main.tf', TF, 9)?.resource, 'data.aws_iam_policy_document.p');
    assert.equal(subjectHeaderAt('/m/main.tf', TF, 10)?.resource, 'module.network');
    assert.equal(subjectHeaderAt('/m/main.tf', TF, 0)?.resource, 'provider aws.dr');
    assert.equal(subjectHeaderAt('/m/main.tf', TF, 6), undefined);
    assert.equal(subjectHeaderAt('/m/main.tf', TF, 99), undefined);
  });

  it('reads Kubernetes objects from their document', () => {
    assert.equal(subjectHeaderAt('/k/app.yaml', K8S, 1)?.resource, 'Namespace ehr');
    assert.equal(subjectHeaderAt('/k/app.yaml', K8S, 6)?.resource, 'Deployment ehr/api');
    assert.equal(subjectHeaderAt('/k/app.yaml', K8S, 8), undefined);
    assert.equal(subjectHeaderAt('/c/app.properties', 'kind: X', 0), undefined);
  });

  it('counts containers as part of their workload', () => {
    const header = subjectHeaderAt('/k/app.yaml', K8S, 6)!;
    assert.ok(belongsToHeader(header, 'Deployment ehr/api'));
    assert.ok(belongsToHeader(header, 'container "api" in Deployment ehr/api'));
    assert.ok(!belongsToHeader(header, 'Deployment ehr/api2'));
    assert.ok(!belongsToHeader(header, undefined));
  });
});
