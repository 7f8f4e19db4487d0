locals {
  tags = {
    service             = "ehr"
    environment         = var.environment
    data-classification = "phi"
  }
}

resource "aws_kms_key" "records" {
  description             = "Key for scanned patient records"
  deletion_window_in_days = 30
  enable_key_rotation     = false
  tags                    = local.tags
}

# Scanned referral letters and discharge summaries.
resource "aws_s3_bucket" "records" {
  bucket = "medicloud-ehr-records"
  tags   = local.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "records" {
  bucket = aws_s3_bucket.records.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.records.arn
    }
  }
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = "Enabled"
  }
}

# Exports for the research partner: nobody remembered to block public access.
resource "aws_s3_bucket" "exports" {
  bucket = "medicloud-research-exports"
  tags   = local.tags
}

resource "aws_s3_bucket_acl" "exports" {
  bucket = aws_s3_bucket.exports.id
  acl    = "public-read"
}

resource "aws_db_instance" "ehr" {
  identifier              = "ehr-postgres"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.m6g.large"
  allocated_storage       = 100
  username                = "ehr_admin"
  password                = "Sup3rS3cret-ehr"
  storage_encrypted       = var.db_storage_encrypted
  publicly_accessible     = true
  backup_retention_period = 1
  multi_az                = false
  deletion_protection     = false
  skip_final_snapshot     = true
  vpc_security_group_ids  = [aws_security_group.db.id]
  tags                    = local.tags
}

resource "aws_security_group" "db" {
  name        = "ehr-db"
  description = "EHR database"

  ingress {
    description = "PostgreSQL from anywhere (temporary)"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "SSH to the bastion"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_cloudtrail" "audit" {
  name                          = "medicloud-audit"
  s3_bucket_name                = aws_s3_bucket.records.id
  is_multi_region_trail         = false
  enable_log_file_validation    = true
  include_global_service_events = true
}

resource "aws_s3_bucket" "dr_copy" {
  provider = aws.dr
  bucket   = "medicloud-ehr-dr-copy"
  tags     = local.tags
}
