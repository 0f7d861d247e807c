package io.strato.identity.roles;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The implied-role rules as a directed graph (prior → implied), for expanding a set of granted roles
 * into the roles a user effectively holds and for refusing rules that would close a cycle.
 * Immutable and free of I/O, so it is unit-tested on its own.
 */
public final class RoleGraph {
    private final Map<String, Set<String>> implies;
    private final Set<String> domainSpecific;

    private RoleGraph(Map<String, Set<String>> implies) {
        this(implies, Set.of());
    }

    private RoleGraph(Map<String, Set<String>> implies, Set<String> domainSpecific) {
        this.implies = implies;
        this.domainSpecific = domainSpecific;
    }

    /**
     * The same rules, knowing which roles are domain-specific: Keystone never shows those as held (not in a
     * token, not in effective assignments); they only pass on the roles they imply.
     */
    public RoleGraph withDomainSpecific(Collection<String> roleIds) {
        return new RoleGraph(implies, Set.copyOf(roleIds));
    }

    public boolean isDomainSpecific(String roleId) {
        return domainSpecific.contains(roleId);
    }

    /** What a holder of {@code roleIds} effectively holds: {@link #expand} without the domain-specific roles. */
    public Set<String> effective(Collection<String> roleIds) {
        Set<String> all = expand(roleIds);
        all.removeAll(domainSpecific);
        return all;
    }

    public static RoleGraph of(Collection<ImpliedRole> rules) {
        Map<String, Set<String>> m = new HashMap<>();
        for (ImpliedRole r : rules) {
            m.computeIfAbsent(r.priorRoleId, k -> new LinkedHashSet<>()).add(r.impliedRoleId);
        }
        return new RoleGraph(m);
    }

    /** From an adjacency map (prior id → ids it implies directly). */
    public static RoleGraph ofMap(Map<String, ? extends Collection<String>> adjacency) {
        Map<String, Set<String>> m = new HashMap<>();
        adjacency.forEach((prior, implied) -> m.put(prior, new LinkedHashSet<>(implied)));
        return new RoleGraph(m);
    }

    /** One step of an expansion: {@code implied} is held because {@code prior} is. */
    public record Implication(String prior, String implied) {
    }

    /** The given roles and every role they imply, transitively; each once, the given ones first. */
    public Set<String> expand(Collection<String> roleIds) {
        Set<String> seen = new LinkedHashSet<>(roleIds);
        Deque<String> todo = new ArrayDeque<>(roleIds);
        while (!todo.isEmpty()) {
            for (String next : implies.getOrDefault(todo.poll(), Set.of())) {
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return seen;
    }

    /**
     * Every role reached from {@code roleId} (excluding itself), each with the role that directly
     * implied it on the shortest path: what Keystone reports as an effective assignment's prior_role.
     */
    public List<Implication> implicationsOf(String roleId) {
        List<Implication> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(List.of(roleId));
        Deque<String> todo = new ArrayDeque<>(List.of(roleId));
        while (!todo.isEmpty()) {
            String prior = todo.poll();
            for (String next : implies.getOrDefault(prior, Set.of())) {
                if (seen.add(next)) {
                    out.add(new Implication(prior, next));
                    todo.add(next);
                }
            }
        }
        return out;
    }

    /** The roles whose holders also hold one of {@code roleIds} through implication (transitively). */
    public Set<String> priorsOf(Collection<String> roleIds) {
        Set<String> targets = new LinkedHashSet<>(roleIds);
        Set<String> priors = new LinkedHashSet<>();
        for (String prior : implies.keySet()) {
            Set<String> reached = expand(List.of(prior));
            reached.remove(prior);
            if (reached.stream().anyMatch(targets::contains)) {
                priors.add(prior);
            }
        }
        priors.removeAll(targets);
        return priors;
    }

    /** Whether adding the rule prior → implied would make a role imply itself. */
    public boolean wouldCycle(String priorId, String impliedId) {
        return priorId.equals(impliedId) || expand(List.of(impliedId)).contains(priorId);
    }

    /** Roles directly implied by {@code priorId}. */
    public Set<String> directlyImpliedBy(String priorId) {
        return implies.getOrDefault(priorId, Set.of());
    }
}
