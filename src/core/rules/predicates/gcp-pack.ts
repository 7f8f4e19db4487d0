/** The predicates of the Google Cloud Terraform rule pack (each module registers itself). */
import './gcp-sql-database-flags';
import './gcp-firewall-ingress';
import './gcp-kms-rotation';
import './gcp-healthcare-audit';
import './gcp-healthcare-exports';
import './gcp-compute-metadata';
import './gcp-gke-control-plane';
import './gcp-data-tier';
import './gcp-service-accounts';
