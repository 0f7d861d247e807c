package io.strato.identity.domains;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes everything a domain holds, in foreign-key order, inside the caller's transaction:
 * assignments on or by its members, application credentials, memberships, projects, users, groups, roles.
 */
@ApplicationScoped
public class DomainCleanup {
    private static final String[] STATEMENTS = {
        "DELETE FROM role_assignment WHERE (target_type = 'domain' AND target_id = ?1)"
            + " OR (target_type = 'project' AND target_id IN (SELECT id FROM project WHERE domain_id = ?1))"
            + " OR (actor_type = 'user' AND actor_id IN (SELECT id FROM identity_user WHERE domain_id = ?1))"
            + " OR (actor_type = 'group' AND actor_id IN (SELECT id FROM identity_group WHERE domain_id = ?1))"
            + " OR role_id IN (SELECT id FROM role WHERE domain_id = ?1)",
        "DELETE FROM application_credential WHERE project_id IN (SELECT id FROM project WHERE domain_id = ?1)"
            + " OR user_id IN (SELECT id FROM identity_user WHERE domain_id = ?1)",
        "UPDATE project SET parent_id = NULL WHERE domain_id = ?1",
        "DELETE FROM project WHERE domain_id = ?1",
        "DELETE FROM identity_user WHERE domain_id = ?1",
        "DELETE FROM identity_group WHERE domain_id = ?1",
        "DELETE FROM role WHERE domain_id = ?1",
    };

    public Uni<Void> deleteContents(String domainId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String sql : STATEMENTS) {
            chain = chain.call(() -> Panache.getSession().flatMap(s ->
                    s.createNativeQuery(sql).setParameter(1, domainId).executeUpdate()));
        }
        return chain;
    }
}
