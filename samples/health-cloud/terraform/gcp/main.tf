provider "google" {
  project = "medicloud-imaging"
  region  = "europe-west4"
}

resource "google_healthcare_dataset" "imaging" {
  name     = "imaging"
  location = "us-central1"
}

resource "google_healthcare_dicom_store" "studies" {
  name    = "studies"
  dataset = google_healthcare_dataset.imaging.id
}

resource "google_healthcare_dicom_store_iam_member" "viewer" {
  dicom_store_id = google_healthcare_dicom_store.studies.id
  role           = "roles/healthcare.dicomViewer"
  member         = "allUsers"
}

resource "google_storage_bucket" "reports" {
  name                        = "medicloud-radiology-reports"
  location                    = "EU"
  uniform_bucket_level_access = false
  labels = {
    data-classification = "phi"
  }
}

resource "google_sql_database_instance" "replica" {
  name             = "imaging-index"
  database_version = "POSTGRES_16"
  region           = "europe-west4"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled = true
      ssl_mode     = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"

      authorized_networks {
        name  = "everyone"
        value = "0.0.0.0/0"
      }
    }

    backup_configuration {
      enabled = false
    }
  }

  deletion_protection = true
}
