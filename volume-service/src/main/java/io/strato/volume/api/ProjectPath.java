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

    /** Checks the URL's project and {@code operation}'s rule for the caller; true for an admin. */
    public static boolean authorize(Policy policy, Caller caller, String pathProject, String operation) {
        boolean admin = policy.allowed(VolumePolicies.ADMIN, caller, Map.of());
        check(caller, pathProject, admin);
        policy.enforce(operation, caller, Map.of("project_id", pathProject));
        return admin;
    }

    public static void check(Caller caller, String pathProject, boolean admin) {
        if (admin || pathProject == null || pathProject.equals(caller.projectId())) {
            return;
        }
        throw new Forbidden("The project in the URL (" + pathProject + ") is not the project of the token.");
    }
}
