package io.strato.identity.roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;

/** GET /v3/role_inferences: every implied-role rule, grouped by prior role. */
@Path("/v3/role_inferences")
@Authenticated
public class RoleInferenceResource {
    private final ImpliedRoleService implied;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public RoleInferenceResource(ImpliedRoleService implied, Policy policy, CurrentCaller caller, Links links) {
        this.implied = implied;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<ImpliedRoleView.Many> list() {
        policy.enforce(RolePolicies.LIST_INFERENCES, caller.get(), Map.of());
        return implied.all().map(all -> new ImpliedRoleView.Many(all.stream()
                .map(p -> new ImpliedRoleView.Inferences(ImpliedRoleView.RoleRef.of(p.prior(), links),
                        p.implied().stream().map(r -> ImpliedRoleView.RoleRef.of(r, links)).toList()))
                .toList(), links.collection("role_inferences")));
    }
}
