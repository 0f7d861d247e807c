package io.strato.kit.auth;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import java.security.Permission;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What quarkus-oidc made of a token it verified, less what belonged to that one request (its routing
 * context): enough to give a later request carrying the same token the same identity without verifying again.
 *
 * @param principal   the verified token's principal (its claims)
 * @param caller      the caller read from those claims
 * @param roles       the identity's roles
 * @param permissions the identity's permissions
 * @param attributes  the identity's attributes that hold for every request with this token
 */
record VerifiedToken(Principal principal, Caller caller, Set<String> roles, Set<Permission> permissions,
                     Map<String, Object> attributes) {
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String BLOCKING = AuthenticationRequestContext.class.getName();
    /** Attributes of one request, never kept: its routing context (under both names) and blocking-call helper. */
    private static final Set<String> PER_REQUEST =
            Set.of(ROUTING_CONTEXT, HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, BLOCKING);

    static VerifiedToken of(SecurityIdentity verified, Caller caller) {
        Map<String, Object> attributes = new HashMap<>(verified.getAttributes());
        attributes.keySet().removeAll(PER_REQUEST);
        Set<Permission> permissions = verified instanceof QuarkusSecurityIdentity q ? q.getPermissions() : Set.of();
        return new VerifiedToken(verified.getPrincipal(), caller, Set.copyOf(verified.getRoles()),
                Set.copyOf(permissions), Map.copyOf(attributes));
    }

    /**
     * The identity of a request presenting this token again; {@code request} holds that request's attributes
     * (its routing context), {@code credential} its token.
     */
    SecurityIdentity identity(Credential credential, Map<String, Object> request) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addCredential(credential)
                .addRoles(roles)
                .addRoles(caller.roles())
                .addPermissions(permissions)
                .addAttributes(attributes)
                .addAttribute(CallerAugmentor.CALLER_ATTRIBUTE, caller);
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc != null) {
            b.addAttribute(ROUTING_CONTEXT, rc);
            Object blocking = rc.get(BLOCKING);
            if (blocking != null) {
                b.addAttribute(BLOCKING, blocking);
            }
        }
        return b.build();
    }
}
