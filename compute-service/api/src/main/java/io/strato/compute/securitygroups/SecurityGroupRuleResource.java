package io.strato.compute.securitygroups;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ProxyAccess;
import io.strato.kit.rest.BodyRecords;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Nova's os-security-group-rules proxy (up to 2.35): create an ingress rule in a group (200 with the rule in Nova's
 * shape), delete one (202).
 */
@Path("/v2.1/os-security-group-rules")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SecurityGroupRuleResource {
    private final SecurityGroupProxy groups;
    private final ProxyAccess access;

    public SecurityGroupRuleResource(SecurityGroupProxy groups, ProxyAccess access) {
        this.groups = groups;
        this.access = access;
    }

    @POST
    public Uni<SecurityGroupView.RuleOne> create(SecurityGroupRuleBody body, @HeaderParam("X-Auth-Token") String token) {
        access.allowed(SecurityGroupPolicies.RULE_CREATE);
        RuleRequest r = RuleRequest.parse(BodyRecords.json(body));
        return groups.createRule(r, token).map(SecurityGroupView.RuleOne::new);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token) {
        access.allowed(SecurityGroupPolicies.RULE_DELETE);
        return groups.deleteRule(id, token).map(v -> Response.accepted().build());
    }

}
