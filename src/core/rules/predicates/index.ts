/** Loads every built-in predicate (each module registers itself). */
import './aws-security-groups';
import './azure-network-security';
import './azure-firewall-ranges';
import './azure-literal-passwords';
import './azure-app-secrets';

export { getPredicate, predicateNames, registerPredicate, type Predicate } from './registry';
