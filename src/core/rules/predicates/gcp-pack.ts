/** The predicates of the Google Cloud Terraform rule pack (each module registers itself). */
import './gcp-sql-database-flags';
import './gcp-firewall-ingress';
import './gcp-kms-rotation';
import './gcp-audit-configs';
import './gcp-healthcare-exports';
import './gcp-compute-metadata';
import './gcp-gke-control-plane';
import './gcp-data-tier';
import './gcp-service-accounts';
import './gcp-iam-members';
import './gcp-log-sinks';
