/** Registers the predicates of the Kubernetes rule pack (one import line in `index.ts`). */
import './k8s-security-context';
import './k8s-workload-selectors';
import './k8s-resources';
import './k8s-service-account';
import './k8s-host-paths';
import './k8s-secret-literals';
import './k8s-env-secret-literals';
import './k8s-service-exposure';
import './k8s-ingress';
import './k8s-network-policy';
import './k8s-list-items';
import './k8s-rbac';
import './k8s-availability';
import './k8s-disruption-budget';
