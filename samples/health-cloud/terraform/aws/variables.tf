variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "environment" {
  type    = string
  default = "production"
}

variable "db_storage_encrypted" {
  description = "Encrypt the EHR database volume."
  type        = bool
  default     = false
}

variable "admin_cidr" {
  description = "Network allowed to reach the bastion."
  type        = string
}
