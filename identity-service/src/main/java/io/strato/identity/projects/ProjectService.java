package io.strato.identity.projects;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Filter;
import io.strato.identity.api.Ids;
import io.strato.identity.api.Validate;
import io.strato.identity.domains.DomainRepository;
import io.strato.identity.events.IdentityEvents;
import io.strato.identity.revocations.RevocationService;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ProjectService {
    private final ProjectRepository projects;
    private final DomainRepository domains;
    private final IdentityEvents events;
    private final RevocationService revocations;

    public ProjectService(ProjectRepository projects, DomainRepository domains, IdentityEvents events,
                          RevocationService revocations) {
        this.projects = projects;
        this.domains = domains;
        this.events = events;
        this.revocations = revocations;
    }

    @WithSession
    public Uni<Project> get(String id) {
        return projects.findById(id).onItem().ifNull().failWith(() -> new NotFound("Could not find project: " + id + "."));
    }

    @WithSession
    public Uni<List<Project>> list(ProjectFilter f, Paging paging) {
        Filter q = new Filter().eq("name", f.name()).eq("domainId", f.domainId()).eq("enabled", f.enabled())
                .after("id", paging.marker());
        if (f.parentId() != null) {
            // a top-level project's parent is its domain, as Keystone shows it
            q.clause("(parentId = :%s or (parentId is null and domainId = :%s))", f.parentId());
        }
        return projects.find(q.orderBy("id"), q.params()).list()
                .map(all -> all.stream().filter(f::matchesTags).limit(paging.limit()).toList());
    }

    @WithTransaction
    public Uni<Project> create(ProjectView.Fields f, String defaultDomainId) {
        if (Boolean.TRUE.equals(f.isDomain())) {
            throw new InvalidInput("Projects acting as domains are not supported; create a domain instead.");
        }
        Project p = new Project();
        p.id = Ids.newId();
        p.name = Validate.name(f.name(), "project.name", 64);
        p.description = f.description() == null ? "" : f.description();
        p.enabled = f.enabled() == null || f.enabled();
        p.tagList(Tags.validated(f.tags()));
        String domainId = f.domainId() != null ? f.domainId() : defaultDomainId;
        return domains.findById(domainId)
                .onItem().ifNull().failWith(() -> new NotFound("Could not find domain: " + domainId + "."))
                .flatMap(d -> {
                    p.domainId = d.id;
                    if (f.parentId() == null || f.parentId().equals(d.id)) {
                        return Uni.createFrom().voidItem();
                    }
                    return projects.findById(f.parentId()).map(parent -> {
                        if (parent == null) {
                            throw new NotFound("Could not find project: " + f.parentId() + ".");
                        }
                        if (!parent.domainId.equals(d.id)) {
                            throw new InvalidInput("A project's parent must be in the same domain.");
                        }
                        p.parentId = parent.id;
                        return null;
                    });
                })
                .flatMap(x -> projects.findByName(p.domainId, p.name))
                .flatMap(existing -> {
                    if (existing != null) {
                        throw new Conflict("Conflict occurred attempting to store project - it is not permitted to have"
                                + " two projects with the same name in the same domain : " + p.name + ".");
                    }
                    return projects.persist(p);
                })
                .call(saved -> events.publish("project", "created", saved.id, eventData(saved)));
    }

    @WithTransaction
    public Uni<Project> update(String id, ProjectView.Fields f) {
        return get(id).flatMap(p -> {
            boolean disabling = p.enabled && Boolean.FALSE.equals(f.enabled());
            if (f.domainId() != null && !f.domainId().equals(p.domainId)) {
                throw new InvalidInput("Cannot change the domain of a project.");
            }
            if (f.description() != null) {
                p.description = f.description();
            }
            if (f.enabled() != null) {
                p.enabled = f.enabled();
            }
            if (f.tags() != null) {
                p.tagList(Tags.validated(f.tags()));
            }
            Uni<Void> rename = Uni.createFrom().voidItem();
            if (f.name() != null && !f.name().equals(p.name)) {
                String name = Validate.name(f.name(), "project.name", 64);
                rename = projects.findByName(p.domainId, name).map(other -> {
                    if (other != null) {
                        throw new Conflict("Conflict occurred attempting to update project - a project named "
                                + name + " already exists in its domain.");
                    }
                    p.name = name;
                    return null;
                });
            }
            return rename
                    .call(() -> disabling ? revocations.revokeProject(p.id) : Uni.createFrom().voidItem())
                    .call(() -> events.publish("project", "updated", p.id, eventData(p)))
                    .replaceWith(p);
        });
    }

    @WithTransaction
    public Uni<Void> delete(String id) {
        return get(id).flatMap(p -> projects.count("parentId", p.id).flatMap(children -> {
            if (children > 0) {
                throw new Forbidden("Cannot delete project " + p.id + ": it has child projects.");
            }
            return Panache.getSession()
                    .flatMap(s -> s.createNativeQuery(
                                    "DELETE FROM role_assignment WHERE target_type = 'project' AND target_id = ?1")
                            .setParameter(1, p.id).executeUpdate())
                    .call(() -> projects.delete("id", p.id))
                    .call(() -> revocations.revokeProject(p.id))
                    .call(() -> events.publish("project", "deleted", p.id, eventData(p)))
                    .replaceWithVoid();
        }));
    }

    @WithTransaction
    public Uni<Project> setTags(String id, List<String> tags) {
        return get(id).flatMap(p -> {
            p.tagList(Tags.validated(tags));
            return events.publish("project", "updated", p.id, eventData(p)).replaceWith(p);
        });
    }

    @WithTransaction
    public Uni<Project> addTag(String id, String tag) {
        return get(id).flatMap(p -> {
            List<String> tags = new ArrayList<>(p.tagList());
            if (!tags.contains(Tags.validate(tag))) {
                tags.add(tag);
            }
            p.tagList(Tags.validated(tags));
            return events.publish("project", "updated", p.id, eventData(p)).replaceWith(p);
        });
    }

    @WithTransaction
    public Uni<Project> removeTag(String id, String tag) {
        return get(id).flatMap(p -> {
            List<String> tags = new ArrayList<>(p.tagList());
            if (!tags.remove(tag)) {
                throw new NotFound("Could not find tag: " + tag + ".");
            }
            p.tagList(tags);
            return events.publish("project", "updated", p.id, eventData(p)).replaceWith(p);
        });
    }

    static Map<String, Object> eventData(Project p) {
        Map<String, Object> d = new HashMap<>();
        d.put("id", p.id);
        d.put("name", p.name);
        d.put("domain_id", p.domainId);
        d.put("enabled", p.enabled);
        return d;
    }
}
