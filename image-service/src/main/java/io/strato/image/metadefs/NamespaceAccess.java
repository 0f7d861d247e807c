package io.strato.image.metadefs;

import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which namespaces a caller may see and change. An admin sees all, others public namespaces and their
 * own project's; one they cannot see is a 404, as Glance answers, so private catalogs stay unknown.
 */
@ApplicationScoped
public class NamespaceAccess {
    private final MetadefNamespaceRepository namespaces;
    private final Policy policy;

    public NamespaceAccess(MetadefNamespaceRepository namespaces, Policy policy) {
        this.namespaces = namespaces;
        this.policy = policy;
    }

    boolean isAdmin(Caller caller) {
        return policy.allowed(MetadefPolicies.ADMIN, caller, MetadefPolicies.target(null));
    }

    /** The namespace if the caller sees it, after the rule of the operation allows it. */
    Uni<MetadefNamespace> visible(Caller caller, String name, String rule) {
        return namespaces.byName(name).map(n -> {
            if (n == null || !(isAdmin(caller) || "public".equals(n.visibility)
                    || (n.owner != null && n.owner.equals(caller.projectId())))) {
                throw notFound(name);
            }
            policy.enforce(rule, caller, MetadefPolicies.target(n));
            return n;
        });
    }

    void enforce(String rule, Caller caller, MetadefNamespace namespace) {
        policy.enforce(rule, caller, MetadefPolicies.target(namespace));
    }

    static NotFound notFound(String name) {
        return new NotFound("Metadata definition namespace=" + name + " was not found.");
    }
}
