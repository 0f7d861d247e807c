package io.strato.identity.groups;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Filter;
import io.strato.identity.api.Ids;
import io.strato.identity.api.Validate;
import io.strato.identity.domains.DomainRepository;
import io.strato.identity.events.IdentityEvents;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Group CRUD. Names are unique within a domain. */
@ApplicationScoped
public class GroupService {
    private final GroupRepository groups;
    private final DomainRepository domains;
    private final GroupCleanup cleanup;
    private final IdentityEvents events;

    public GroupService(GroupRepository groups, DomainRepository domains, GroupCleanup cleanup,
                        IdentityEvents events) {
        this.groups = groups;
        this.domains = domains;
        this.cleanup = cleanup;
        this.events = events;
    }

    @WithSession
    public Uni<Group> get(String id) {
        return groups.findById(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    @WithSession
    public Uni<List<Group>> list(String name, String domainId) {
        Filter f = new Filter().eq("name", name).eq("domainId", domainId);
        return groups.list(f.orderBy("name"), f.params());
    }

    /**
     * @param domainId the group's domain: the body's domain_id, else the one the resource chose
     *                 (the token's domain, else the default domain), as Keystone does
     */
    @WithTransaction
    public Uni<Group> create(GroupView.Fields f, String domainId) {
        Group g = new Group();
        g.id = Ids.newId();
        g.name = Validate.name(f.name(), "group.name", 64);
        g.domainId = domainId;
        g.description = Validate.length(f.description(), "group.description");
        return domains.findById(domainId).onItem().ifNull()
                .failWith(() -> new NotFound("Could not find domain: " + domainId + "."))
                .chain(() -> requireFreeName(g.domainId, g.name, "store"))
                .chain(() -> groups.persist(g))
                .call(saved -> events.publish("group", "created", saved.id, data(saved)));
    }

    @WithTransaction
    public Uni<Group> update(String id, GroupView.Fields f) {
        return get(id).flatMap(g -> {
            if (f.domainId() != null && !f.domainId().equals(g.domainId)) {
                throw new InvalidInput("Invalid input for field 'group.domain_id': the domain of a group cannot be changed.");
            }
            Uni<Void> nameCheck = Uni.createFrom().voidItem();
            if (f.name() != null) {
                String name = Validate.name(f.name(), "group.name", 64);
                if (!name.equals(g.name)) {
                    nameCheck = requireFreeName(g.domainId, name, "update").invoke(() -> g.name = name);
                }
            }
            if (f.description() != null) {
                g.description = Validate.length(f.description(), "group.description");
            }
            return nameCheck.call(() -> events.publish("group", "updated", g.id, data(g))).replaceWith(g);
        });
    }

    /** Deletes the group, its memberships and its assignments (members' tokens are revoked if it had any). */
    @WithTransaction
    public Uni<Void> delete(String id) {
        return get(id).flatMap(g -> cleanup.forGroup(g.id)
                .call(() -> groups.deleteMembershipsOf(g.id))
                .call(() -> groups.delete("id", g.id))
                .call(() -> events.publish("group", "deleted", g.id, data(g))));
    }

    static NotFound notFound(String id) {
        return new NotFound("Could not find group: " + id + ".");
    }

    private Uni<Void> requireFreeName(String domainId, String name, String verb) {
        return groups.findByName(domainId, name).invoke(other -> {
            if (other != null) {
                throw new Conflict("Conflict occurred attempting to " + verb
                        + " group - Duplicate entry found with name " + name + " in domain " + domainId + ".");
            }
        }).replaceWithVoid();
    }

    private static Map<String, Object> data(Group g) {
        return Map.of("id", g.id, "name", g.name, "domain_id", g.domainId);
    }
}
