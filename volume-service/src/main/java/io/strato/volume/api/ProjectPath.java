package io.strato.volume.api;

import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.policy.Policy;
import io.strato.volume.policy.VolumePolicies;
import java.util.Map;

/**
 * The {@code {project_id}} of Cinder's v3 URLs. Cinder acts on the token's project whatever the URL
 * says; Strato refuses a URL naming another project (403) for anyone but an admin, so that a client
 * pointed at the wrong project learns it instead of silently seeing its own project's volumes.
 */
public final class ProjectPath {
    private ProjectPath() {
    }

    /**
     * Checks the URL's project and {@code operation}'s rule for the caller, with the URL's project as the rule's
     * target; true for an admin.
     */
    public static boolean authorize(Policy policy, Caller caller, String pathProject, String operation) {
        return authorize(policy, caller, pathProject, operation, Map.of("project_id", pathProject));
    }

    /**
     * The same with the rule's {@code target}: {@code Map.of()} for the deployment-wide operations (managing
     * types and QoS specs, setting quotas, reading the pools), whose rules name no project.
     */
    public static boolean authorize(Policy policy, Caller caller, String pathProject, String operation,
                                    Map<String, Object> target) {
        boolean admin = policy.allowed(VolumePolicies.ADMIN, caller, Map.of());
        check(caller, pathProject, admin);
        policy.enforce(operation, caller, target);
        return admin;
    }

    private static void check(Caller caller, String pathProject, boolean admin) {
        if (admin || pathProject == null || pathProject.equals(caller.projectId())) {
            return;
        }
        throw new Forbidden("The project in the URL (" + pathProject + ") is not the project of the token.");
    }
}
