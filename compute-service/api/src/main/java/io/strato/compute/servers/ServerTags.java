package io.strato.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Nova's server tags (2.26): simple strings on a server, read by everyone who may read it, changed by members
 * while it is ACTIVE, PAUSED, SUSPENDED or STOPPED (409 otherwise), at most 50, each 1-60 characters without
 * '/' or ','. Changes happen under the server's row lock, so the limit holds under concurrent PUTs.
 */
@ApplicationScoped
public class ServerTags {
    static final int MAX_TAGS = 50;
    private static final List<String> TAGGABLE = List.of(VmStates.ACTIVE, VmStates.PAUSED, VmStates.SUSPENDED,
            VmStates.STOPPED);

    private final ServerQueries queries;
    private final ServerRepository servers;
    private final Policy policy;
    private final ServerEvents events;

    ServerTags(ServerQueries queries, ServerRepository servers, Policy policy, ServerEvents events) {
        this.queries = queries;
        this.servers = servers;
        this.policy = policy;
        this.events = events;
    }

    /** The tags of a create (2.52) or of {@code PUT /tags}: a JSON array of at most 50 valid tags, duplicates once. */
    static List<String> parse(JsonNode tags, String field) {
        if (tags == null || !tags.isArray()) {
            throw BodyFields.invalid(field, tags, (tags == null ? "None" : tags.toString()) + " is not of type 'array'");
        }
        if (tags.size() > MAX_TAGS) {
            throw BodyFields.invalid(field, tags, tags + " is too long");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (JsonNode t : tags) {
            if (!t.isTextual()) {
                throw BodyFields.invalid(field, t, t + " is not of type 'string'");
            }
            out.add(valid(t.asText(), field));
        }
        return List.copyOf(out);
    }

    private static String valid(String tag, String field) {
        if (tag.isEmpty() || tag.length() > 60 || tag.contains("/") || tag.contains(",")) {
            throw new InvalidInput("Invalid input for field/attribute " + field + ". Value: " + tag + ". Tag '" + tag
                    + "' is invalid. It must be a non empty string of at most 60 characters without characters '/' and ','.");
        }
        return tag;
    }

    public Uni<List<String>> index(Caller caller, UUID id) {
        return Panache.withSession(() -> queries.visible(caller, id, false).chain(s -> {
            policy.enforce(ServerPolicies.TAGS_INDEX, caller, ServerPolicies.target(s.projectId, null));
            return of(s.id);
        }));
    }

    /** Whether the server has {@code tag}; 404 "Server <id> has no tag '<tag>'" when not. */
    public Uni<Void> show(Caller caller, UUID id, String tag) {
        return Panache.withSession(() -> queries.visible(caller, id, false).chain(s -> {
            policy.enforce(ServerPolicies.TAGS_SHOW, caller, ServerPolicies.target(s.projectId, null));
            return of(s.id);
        })).invoke(tags -> {
            if (!tags.contains(tag)) {
                throw new NotFound("Server " + id + " has no tag '" + tag + "'");
            }
        }).replaceWithVoid();
    }

    /** Adds one tag; true when it is new (201), false when the server had it (204). */
    public Uni<Boolean> add(Caller caller, UUID id, String tag) {
        return write(caller, id, ServerPolicies.TAGS_UPDATE, "update tag", s -> {
            valid(tag, "tag");
            return of(s.id).chain(tags -> {
                if (tags.size() >= MAX_TAGS) {
                    throw new InvalidInput("The number of tags exceeded the per-server limit " + MAX_TAGS);
                }
                if (tags.contains(tag)) {
                    return Uni.createFrom().item(false);
                }
                return insert(s.id, List.of(tag)).chain(() -> touched(s)).replaceWith(true);
            });
        });
    }

    /** Replaces all the server's tags. */
    public Uni<List<String>> replace(Caller caller, UUID id, List<String> tags) {
        return write(caller, id, ServerPolicies.TAGS_UPDATE_ALL, "update tags", s -> deleteAll(s.id)
                .chain(() -> insert(s.id, tags)).chain(() -> touched(s)).chain(() -> of(s.id)));
    }

    /** Deletes one tag; 404 when the server does not have it. */
    public Uni<Void> delete(Caller caller, UUID id, String tag) {
        return write(caller, id, ServerPolicies.TAGS_DELETE, "delete tag", s -> Panache.getSession()
                .chain(session -> session.createNativeQuery("DELETE FROM server_tag WHERE server_id = :s AND tag = :t")
                        .setParameter("s", s.id).setParameter("t", tag).executeUpdate())
                .chain(n -> {
                    if (n == 0) {
                        throw new NotFound("Instance " + id + " has no tag '" + tag + "'");
                    }
                    return touched(s);
                }));
    }

    public Uni<Void> deleteAll(Caller caller, UUID id) {
        return write(caller, id, ServerPolicies.TAGS_DELETE_ALL, "delete tags",
                s -> deleteAll(s.id).chain(() -> touched(s)));
    }

    /** Stores the tags of a new server (2.52), in the create's transaction. */
    Uni<Void> insert(UUID server, List<String> tags) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (String tag : tags) {
            done = done.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                            "INSERT INTO server_tag (server_id, tag) VALUES (:s, :t) ON CONFLICT DO NOTHING")
                    .setParameter("s", server).setParameter("t", tag).executeUpdate())).replaceWithVoid();
        }
        return done;
    }

    private Uni<List<String>> of(UUID server) {
        return servers.tags(List.of(server)).map(m -> m.getOrDefault(server, List.of()));
    }

    private Uni<Void> deleteAll(UUID server) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM server_tag WHERE server_id = :s")
                .setParameter("s", server).executeUpdate()).replaceWithVoid();
    }

    private Uni<Void> touched(Server s) {
        s.updatedAt = InstanceActions.now();
        return events.publish(s, ServerEvents.UPDATED);
    }

    private <T> Uni<T> write(Caller caller, UUID id, String rule, String action, java.util.function.Function<Server, Uni<T>> change) {
        return Panache.withTransaction(() -> queries.visible(caller, id, true).chain(s -> {
            policy.enforce(rule, caller, ServerPolicies.target(s.projectId, null));
            if (!TAGGABLE.contains(s.vmState)) {
                throw ServerActions.invalidState(action, s, "vm_state", s.vmState);
            }
            return change.apply(s);
        }));
    }
}
