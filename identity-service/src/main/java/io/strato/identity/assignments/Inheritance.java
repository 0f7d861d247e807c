package io.strato.identity.assignments;

import io.smallrye.mutiny.Uni;
import io.strato.identity.projects.Project;
import io.strato.identity.projects.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OS-INHERIT: an inherited assignment on a domain reaches every project of the domain, one on a project every
 * project below it, never its own target. Runs inside the caller's session.
 */
@ApplicationScoped
public class Inheritance {
    private final AssignmentRepository assignments;
    private final ProjectRepository projects;

    public Inheritance(AssignmentRepository assignments, ProjectRepository projects) {
        this.assignments = assignments;
        this.projects = projects;
    }

    /**
     * The inherited assignments that reach the project: on its domain or on one of its ancestors. Of the user and
     * the groups, or of anyone when {@code userId} is null.
     */
    public Uni<List<Assignment>> reaching(Project p, String userId, Collection<String> groupIds) {
        return ancestorsOf(p).flatMap(ancestors -> assignments.inheritedOn(userId, groupIds, p.domainId, ancestors));
    }

    /** For each inherited assignment (by id), the ids of the projects it reaches. */
    public Uni<Map<Long, List<String>>> reach(List<Assignment> inherited) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        Map<String, List<String>> cache = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Assignment a : inherited) {
            String key = a.targetType + ":" + a.targetId;
            chain = chain.chain(() -> {
                if (cache.containsKey(key)) {
                    out.put(a.id, cache.get(key));
                    return Uni.createFrom().voidItem();
                }
                Uni<List<String>> reached = Assignment.DOMAIN.equals(a.targetType)
                        ? projects.list("domainId = ?1 order by id", a.targetId).map(ps -> ps.stream().map(p -> p.id).toList())
                        : descendantsOf(a.targetId);
                return reached.invoke(ids -> {
                    cache.put(key, ids);
                    out.put(a.id, ids);
                }).replaceWithVoid();
            });
        }
        return chain.replaceWith(out);
    }

    private Uni<List<String>> ancestorsOf(Project p) {
        return up(p.parentId, new ArrayList<>(), new HashSet<>());
    }

    private Uni<List<String>> up(String parentId, List<String> acc, Set<String> seen) {
        if (parentId == null || !seen.add(parentId)) {
            return Uni.createFrom().item(acc);
        }
        return projects.findById(parentId).flatMap(parent -> {
            if (parent == null) {
                return Uni.createFrom().item(acc);
            }
            acc.add(parent.id);
            return up(parent.parentId, acc, seen);
        });
    }

    private Uni<List<String>> descendantsOf(String projectId) {
        return down(List.of(projectId), new ArrayList<>(), new HashSet<>(List.of(projectId)));
    }

    private Uni<List<String>> down(List<String> level, List<String> acc, Set<String> seen) {
        if (level.isEmpty()) {
            return Uni.createFrom().item(acc);
        }
        return projects.list("parentId in ?1 order by id", level).flatMap(children -> {
            List<String> next = children.stream().map(c -> c.id).filter(seen::add).toList();
            acc.addAll(next);
            return down(next, acc, seen);
        });
    }
}
