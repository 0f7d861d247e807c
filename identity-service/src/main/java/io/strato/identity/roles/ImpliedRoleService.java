package io.strato.identity.roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.identity.events.IdentityEvents;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Implied-role rules ("role inferences"): holding the prior role grants the implied one. As Keystone,
 * refuses rules implying a prohibited role (admin) or a domain-specific role from a global one (403);
 * also refuses any rule that would make a role imply itself.
 */
@ApplicationScoped
public class ImpliedRoleService {
    /** Keystone's default [assignment] prohibited_implied_role. */
    static final Set<String> PROHIBITED_IMPLIED = Set.of("admin");

    private final RoleRepository roles;
    private final IdentityEvents events;

    public ImpliedRoleService(RoleRepository roles, IdentityEvents events) {
        this.roles = roles;
        this.events = events;
    }

    /** A rule with both of its roles loaded. */
    public record Rule(Role prior, Role implied) {
    }

    /** A prior role and the roles it implies directly. */
    public record PriorRules(Role prior, List<Role> implied) {
    }

    @WithSession
    public Uni<Role> prior(String priorId) {
        return role(priorId);
    }

    @WithSession
    public Uni<Rule> get(String priorId, String impliedId) {
        return pair(priorId, impliedId).call(rule -> roles.findImplication(priorId, impliedId)
                .onItem().ifNull().failWith(() -> notFound(priorId, impliedId)));
    }

    @WithTransaction
    public Uni<Rule> create(String priorId, String impliedId) {
        return pair(priorId, impliedId).call(rule -> {
            refuseInvalid(rule);
            return roles.findImplication(priorId, impliedId).flatMap(existing -> {
                if (existing != null) {
                    throw new Conflict("Conflict occurred attempting to store implied_role - Duplicate entry found with prior_role_id "
                            + priorId + " and implied_role_id " + impliedId + ".");
                }
                return roles.graph();
            }).flatMap(graph -> {
                if (graph.wouldCycle(priorId, impliedId)) {
                    throw new Forbidden(impliedId + " cannot be an implied roles: role " + rule.implied().name
                            + " already implies role " + rule.prior().name + ", and implied roles may not form a cycle.");
                }
                ImpliedRole r = new ImpliedRole();
                r.priorRoleId = priorId;
                r.impliedRoleId = impliedId;
                return roles.persistImplication(r);
            }).call(saved -> events.publish("implied_role", "created", priorId,
                    Map.of("prior_role_id", priorId, "implied_role_id", impliedId)));
        });
    }

    @WithTransaction
    public Uni<Void> delete(String priorId, String impliedId) {
        return get(priorId, impliedId)
                .call(rule -> roles.deleteImplication(priorId, impliedId))
                .call(rule -> events.publish("implied_role", "deleted", priorId,
                        Map.of("prior_role_id", priorId, "implied_role_id", impliedId)))
                .replaceWithVoid();
    }

    /** The roles a prior role implies directly. */
    @WithSession
    public Uni<PriorRules> ofPrior(String priorId) {
        return role(priorId).flatMap(prior -> roles.graph()
                .flatMap(g -> roles.byIds(g.directlyImpliedBy(priorId)))
                .map(implied -> new PriorRules(prior, implied)));
    }

    /** Every rule, grouped by prior role (ordered by prior role name). */
    @WithSession
    public Uni<List<PriorRules>> all() {
        return roles.allImplications().flatMap(rules -> {
            Set<String> ids = new HashSet<>();
            rules.forEach(r -> {
                ids.add(r.priorRoleId);
                ids.add(r.impliedRoleId);
            });
            return roles.byIds(ids).map(found -> {
                Map<String, Role> byId = new LinkedHashMap<>();
                found.forEach(r -> byId.put(r.id, r));
                Map<String, List<Role>> grouped = new LinkedHashMap<>();
                byId.keySet().forEach(id -> grouped.put(id, new ArrayList<>()));
                rules.forEach(r -> grouped.get(r.priorRoleId).add(byId.get(r.impliedRoleId)));
                List<PriorRules> out = new ArrayList<>();
                grouped.forEach((id, implied) -> {
                    if (!implied.isEmpty()) {
                        implied.sort((a, b) -> a.name.compareToIgnoreCase(b.name));
                        out.add(new PriorRules(byId.get(id), implied));
                    }
                });
                return out;
            });
        });
    }

    static void refuseInvalid(Rule rule) {
        if (PROHIBITED_IMPLIED.contains(rule.implied().name.toLowerCase())) {
            throw new Forbidden(rule.implied().id + " cannot be an implied roles.");
        }
        if (rule.prior().domainId == null && rule.implied().domainId != null) {
            throw new Forbidden("Global role cannot imply a domain-specific role.");
        }
    }

    private Uni<Rule> pair(String priorId, String impliedId) {
        return role(priorId).flatMap(prior -> role(impliedId).map(implied -> new Rule(prior, implied)));
    }

    private Uni<Role> role(String id) {
        return roles.findById(id).onItem().ifNull().failWith(() -> RoleService.notFound(id));
    }

    private static NotFound notFound(String priorId, String impliedId) {
        return new NotFound("Could not find implied role: " + priorId + " implies " + impliedId + ".");
    }
}
