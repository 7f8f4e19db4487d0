/** Loads every built-in predicate (each module registers itself). */
import './aws-security-groups';

export { getPredicate, predicateNames, registerPredicate, type Predicate } from './registry';
