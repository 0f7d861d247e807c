package io.strato.identity.assignments;

import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.roles.RoleView;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.core.Response;

/**
 * What the grant URL families share, direct ({@link GrantResource}) and inherited ({@link InheritedGrantResource}):
 * 404 for an unknown actor or target first, as Keystone, then the policy, then the grant service.
 */
abstract class GrantEndpoint {
    private final GrantService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;
    private final String actorType;
    private final String targetType;
    private final AssignmentPolicies.GrantRules rules;

    GrantEndpoint(GrantService service, Policy policy, CurrentCaller caller, Links links, String actorType,
                  String targetType, AssignmentPolicies.GrantRules rules) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
        this.actorType = actorType;
        this.targetType = targetType;
        this.rules = rules;
    }

    Uni<RoleView.Many> listRoles(GrantPath g) {
        return authorize(g, null, rules.list()).chain(() -> service.list(g)).map(roles -> new RoleView.Many(
                roles.stream().map(r -> RoleView.of(r, links)).toList(), links.collection(g.rolesPath())));
    }

    Uni<Response> grantRole(GrantPath g, String role) {
        return authorize(g, role, rules.create()).chain(() -> service.grant(g, role))
                .map(v -> Response.noContent().build());
    }

    Uni<Response> checkRole(GrantPath g, String role) {
        return authorize(g, role, rules.check()).chain(() -> service.check(g, role))
                .map(v -> Response.noContent().build());
    }

    Uni<Response> revokeRole(GrantPath g, String role) {
        return authorize(g, role, rules.revoke()).chain(() -> service.revoke(g, role))
                .map(v -> Response.noContent().build());
    }

    GrantPath path(String target, String actor, boolean inherited) {
        return new GrantPath(actorType, actor, targetType,
                Assignment.SYSTEM.equals(targetType) ? Assignment.SYSTEM_ALL : target, inherited);
    }

    private Uni<Void> authorize(GrantPath g, String roleId, String rule) {
        Caller c = caller.get();
        return service.targetDomain(g)
                .invoke(domainId -> policy.enforce(rule, c, AssignmentPolicies.target(g, domainId, roleId)))
                .replaceWithVoid();
    }
}
