terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

# Disaster-recovery copies: must stay inside the EU/EEA too.
provider "aws" {
  alias  = "dr"
  region = "us-east-1"
}
