package io.strato.volume.api;

import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Forbidden;

/**
 * The {@code {project_id}} of Cinder's v3 URLs. Cinder acts on the token's project whatever the URL
 * says; Strato refuses a URL naming another project (403) for anyone but an admin, so that a client
 * pointed at the wrong project learns it instead of silently seeing its own project's volumes.
 */
public final class ProjectPath {
    private ProjectPath() {
    }

    public static void check(Caller caller, String pathProject, boolean admin) {
        if (admin || pathProject == null || pathProject.equals(caller.projectId())) {
            return;
        }
        throw new Forbidden("The project in the URL (" + pathProject + ") is not the project of the token.");
    }
}
