/** The predicates of the application-configuration and compose rule packs (each registers itself). */
import './config-scopes';
import './log-levels';
import './spring-actuator';
import './database-connections';
import './compose-environment';
import './compose-ports';
import './compose-connections';
import './orthanc-credentials';
import './literal-secrets';
import './aspnet-endpoints';
