package io.strato.kit.auth;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;

/** The test application's one authenticated route: who the token says the caller is. */
@Path("/v1/whoami")
@Authenticated
public class WhoAmIResource {
    @Inject
    CurrentCaller caller;

    @GET
    public Map<String, Object> show() {
        Caller c = caller.get();
        return Map.of("user_id", c.userId(), "project_id", String.valueOf(c.projectId()), "roles", c.roles());
    }
}
