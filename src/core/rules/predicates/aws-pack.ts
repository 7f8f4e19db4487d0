/** The predicates of the AWS Terraform rule pack (each module registers itself). */
import './aws-policy-checks';
import './aws-tls-policies';
import './aws-rds-parameters';
import './aws-replica-regions';
import './aws-network-acls';
import './aws-literal-secrets';
import './aws-data-tier';
import './aws-default-security-group';
import './aws-related-enabled';
