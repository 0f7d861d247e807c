package io.strato.kit.auth;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling, as read from a validated token: the user, the scope the token was issued for
 * (project, domain, system or none) and the role names effective in that scope.
 *
 * @param userId            the user's id ({@code sub})
 * @param userName          the user's name
 * @param userDomainId      the id of the domain the user belongs to
 * @param projectId         scoped project id, or null
 * @param projectName       scoped project name, or null
 * @param projectDomainId   domain of the scoped project, or null
 * @param domainId          scoped domain id (domain scope), or null
 * @param systemScope       true for a system-scoped token ({@code system: {all: true}})
 * @param roles             role names effective in the scope (implied roles included)
 * @param auditIds          the token's audit ids (first is its own, second the chain's)
 * @param methods           authentication methods that produced the token
 * @param issuedAt          when the token was issued
 * @param expiresAt         when the token expires
 * @param applicationCredentialId id of the application credential used, or null
 */
public record Caller(String userId, String userName, String userDomainId,
                     String projectId, String projectName, String projectDomainId,
                     String domainId, boolean systemScope, Set<String> roles,
                     List<String> auditIds, List<String> methods,
                     Instant issuedAt, Instant expiresAt, String applicationCredentialId) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isProjectScoped() {
        return projectId != null;
    }

    public boolean isDomainScoped() {
        return domainId != null;
    }

    /** The credentials a policy rule is checked against, with oslo.policy's key names. */
    public Map<String, Object> credentials() {
        Map<String, Object> c = new HashMap<>();
        c.put("user_id", userId);
        c.put("user_domain_id", userDomainId);
        c.put("project_id", projectId);
        c.put("project_domain_id", projectDomainId);
        c.put("domain_id", domainId);
        c.put("system_scope", systemScope ? "all" : null);
        c.put("roles", roles);
        return c;
    }
}
