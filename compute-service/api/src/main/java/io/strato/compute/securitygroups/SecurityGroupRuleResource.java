package io.strato.compute.securitygroups;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
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
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public SecurityGroupRuleResource(SecurityGroupProxy groups, Policy policy, CurrentCaller callers, ApiVersion version) {
        this.groups = groups;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
    }

    @POST
    public Uni<SecurityGroupView.RuleOne> create(SecurityGroupRuleBody body, @HeaderParam("X-Auth-Token") String token) {
        allowed(SecurityGroupPolicies.RULE_CREATE);
        RuleRequest r = RuleRequest.parse(BodyRecords.json(body));
        return groups.createRule(r, token).map(SecurityGroupView.RuleOne::new);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token) {
        allowed(SecurityGroupPolicies.RULE_DELETE);
        return groups.deleteRule(id, token).map(v -> Response.accepted().build());
    }

    private void allowed(String rule) {
        version.servedUpTo(SecurityGroupResource.LAST_MINOR);
        Caller caller = callers.get();
        policy.enforce(rule, caller, NovaBaseRules.project(caller.projectId()));
    }
}
