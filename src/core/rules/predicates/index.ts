/** Loads every built-in predicate (each module registers itself). */
import './aws-security-groups';
import './aws-pack';
import './azure-network-security';
import './azure-firewall-ranges';
import './azure-literal-passwords';
import './azure-app-secrets';
import './k8s-predicates';
import './gcp-pack';
import './tf-literal-secrets';
import './app-config-pack';

export { getPredicate, predicateNames, registerPredicate, type Predicate } from './registry';
