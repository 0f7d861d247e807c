package io.strato.identity.roles;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class RoleRepository implements PanacheRepositoryBase<Role, String> {

    /** A global role (domainId null) or a domain's own role, by name, case-insensitively. */
    public Uni<Role> findByName(String name, String domainId) {
        return domainId == null
                ? find("lower(name) = lower(?1) and domainId is null", name).firstResult()
                : find("lower(name) = lower(?1) and domainId = ?2", name, domainId).firstResult();
    }

    public Uni<List<ImpliedRole>> allImplications() {
        return getSession().flatMap(s -> s.createSelectionQuery("from ImpliedRole", ImpliedRole.class).getResultList());
    }

    /** The implied-role rules as a graph, with the domain-specific roles marked, read in the current session. */
    public Uni<RoleGraph> graph() {
        return allImplications().map(RoleGraph::of).flatMap(g -> getSession().flatMap(s -> s.createSelectionQuery(
                "select r.id from Role r where r.domainId is not null", String.class).getResultList())
                .map(g::withDomainSpecific));
    }

    /** Roles by id, ordered by name; an empty collection gives an empty list without a query. */
    public Uni<List<Role>> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1 order by name", ids);
    }

    public Uni<ImpliedRole> findImplication(String priorId, String impliedId) {
        return getSession().flatMap(s -> s.find(ImpliedRole.class, new ImpliedRole.Key(priorId, impliedId)));
    }

    public Uni<ImpliedRole> persistImplication(ImpliedRole rule) {
        return getSession().flatMap(s -> s.persist(rule).replaceWith(rule));
    }

    /** Removes one rule by its whole key, with a statement (not the entity path: see docs/architecture.md). */
    public Uni<Integer> deleteImplication(String priorId, String impliedId) {
        return getSession().flatMap(s -> s.createMutationQuery(
                        "delete from ImpliedRole where priorRoleId = ?1 and impliedRoleId = ?2")
                .setParameter(1, priorId).setParameter(2, impliedId).executeUpdate());
    }

    /** Removes every rule that names the role on either side. */
    public Uni<Integer> deleteImplicationsOf(String roleId) {
        return getSession().flatMap(s -> s.createMutationQuery(
                        "delete from ImpliedRole where priorRoleId = ?1 or impliedRoleId = ?1")
                .setParameter(1, roleId).executeUpdate());
    }
}
