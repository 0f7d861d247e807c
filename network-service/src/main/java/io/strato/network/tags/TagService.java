package io.strato.network.tags;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.Ids;
import io.strato.network.api.Neutron;
import io.strato.network.api.StandardAttributes;
import io.strato.network.policy.NetworkPolicies;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The tags of any taggable resource, read and written on its table's {@code tags} column. A resource
 * the caller cannot see is its kind's NotFound; one they see but may not change is a 403. Every change
 * bumps the resource's revision_number and updated_at.
 */
@ApplicationScoped
public class TagService {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final Policy policy;
    private final ObjectMapper json;

    public TagService(Policy policy, ObjectMapper json) {
        this.policy = policy;
        this.json = json;
    }

    /** A resource's tags as stored, with its owner. */
    private record Tagged(UUID id, String projectId, List<String> tags) {
    }

    @WithSession
    public Uni<List<String>> tags(Caller caller, String collection, String id) {
        return read(caller, collection, id).map(Tagged::tags);
    }

    /** Nothing when the resource carries {@code tag}; Neutron's TagNotFound otherwise. */
    @WithSession
    public Uni<Void> check(Caller caller, String collection, String id, String tag) {
        String t = Tags.tag(tag);
        return read(caller, collection, id).map(r -> {
            if (!r.tags().contains(t)) {
                throw Neutron.notFound("Tag", t);
            }
            return null;
        });
    }

    /** Replaces every tag ({@code PUT .../tags}). */
    @WithTransaction
    public Uni<List<String>> replace(Caller caller, String collection, String id, List<String> tags) {
        TaggedCollection c = collection(collection);
        Tags.checkCount(collection, tags);
        return change(caller, c, id, TagPolicies.update(c), old -> tags);
    }

    /** Adds the tags not yet there ({@code POST .../tags}). */
    @WithTransaction
    public Uni<List<String>> addAll(Caller caller, String collection, String id, List<String> tags) {
        TaggedCollection c = collection(collection);
        return change(caller, c, id, TagPolicies.create(c), old -> {
            LinkedHashSet<String> merged = new LinkedHashSet<>(old);
            merged.addAll(tags);
            Tags.checkCount(collection, new ArrayList<>(merged));
            return new ArrayList<>(merged);
        });
    }

    /** Adds one tag ({@code PUT .../tags/{tag}}); adding a tag already there changes nothing. */
    @WithTransaction
    public Uni<Void> add(Caller caller, String collection, String id, String tag) {
        TaggedCollection c = collection(collection);
        String t = Tags.tag(tag);
        return change(caller, c, id, TagPolicies.update(c), old -> {
            if (old.contains(t)) {
                return old;
            }
            List<String> tags = new ArrayList<>(old);
            tags.add(t);
            Tags.checkCount(collection, tags);
            return tags;
        }).replaceWithVoid();
    }

    /** Removes one tag; TagNotFound when the resource does not carry it. */
    @WithTransaction
    public Uni<Void> remove(Caller caller, String collection, String id, String tag) {
        TaggedCollection c = collection(collection);
        String t = Tags.tag(tag);
        return change(caller, c, id, TagPolicies.delete(c), old -> {
            if (!old.contains(t)) {
                throw Neutron.notFound("Tag", t);
            }
            List<String> tags = new ArrayList<>(old);
            tags.remove(t);
            return tags;
        }).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> clear(Caller caller, String collection, String id) {
        TaggedCollection c = collection(collection);
        return change(caller, c, id, TagPolicies.delete(c), old -> List.of()).replaceWithVoid();
    }

    private Uni<Tagged> read(Caller caller, String collection, String id) {
        TaggedCollection c = collection(collection);
        return Panache.getSession().flatMap(s -> find(s, caller, c, id, false)).invoke(r -> {
            // a resource seen through sharing (a shared network) has readable tags; an owner needs the reader rule
            if (owned(caller, r)) {
                policy.enforce(TagPolicies.get(c), caller, NetworkPolicies.target(r.projectId()));
            }
        });
    }

    /** Locks the resource's row, applies {@code edit} to its tags and writes them back when they changed. */
    private Uni<List<String>> change(Caller caller, TaggedCollection c, String id, String rule, UnaryOperator<List<String>> edit) {
        return Panache.getSession().flatMap(s -> find(s, caller, c, id, true).flatMap(r -> {
            policy.enforce(rule, caller, NetworkPolicies.target(r.projectId()));
            List<String> tags = edit.apply(r.tags());
            if (tags.equals(r.tags())) {
                return Uni.createFrom().item(tags);
            }
            return s.createNativeQuery("UPDATE " + c.table() + " SET tags = CAST(CAST(:tags AS text) AS jsonb), "
                            + "revision_number = revision_number + 1, updated_at = :now WHERE id = :id")
                    .setParameter("tags", write(tags)).setParameter("now", StandardAttributes.now())
                    .setParameter("id", r.id()).executeUpdate().replaceWith(tags);
        }));
    }

    private Uni<Tagged> find(Mutiny.Session s, Caller caller, TaggedCollection c, String id, boolean forUpdate) {
        UUID uuid = Ids.orNull(id);
        if (uuid == null) {
            return Uni.createFrom().failure(Neutron.notFound(c.kind(), id));
        }
        boolean admin = NetworkPolicies.isAdmin(policy, caller);
        String sql = "SELECT project_id, CAST(tags AS text) FROM " + c.table() + " WHERE id = :id"
                + (admin ? "" : " AND (" + c.visible() + ")") + (forUpdate ? " FOR UPDATE" : "");
        var q = s.createNativeQuery(sql, Object[].class).setParameter("id", uuid);
        if (!admin) {
            q.setParameter("caller_project", caller.projectId() == null ? "" : caller.projectId());
        }
        return q.getResultList().map(rows -> {
            if (rows.isEmpty()) {
                throw Neutron.notFound(c.kind(), id);
            }
            Object[] row = rows.get(0);
            return new Tagged(uuid, (String) row[0], read((String) row[1]));
        });
    }

    private static boolean owned(Caller caller, Tagged r) {
        return r.projectId().equals(caller.projectId());
    }

    private static TaggedCollection collection(String collection) {
        return TaggedCollection.named(collection).orElseThrow(() -> new NotFound("The resource could not be found."));
    }

    private List<String> read(String tags) {
        try {
            return tags == null ? List.of() : json.readValue(tags, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags column holds no JSON list: " + tags, e);
        }
    }

    private String write(List<String> tags) {
        try {
            return json.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
