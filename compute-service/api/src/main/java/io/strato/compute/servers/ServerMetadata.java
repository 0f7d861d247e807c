package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.quotas.ComputeQuota;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Nova's server metadata API over the server's own {@code metadata} (the one create, rebuild, the views and the
 * guests' metadata API use). Writes are Nova's update_instance_metadata and delete_instance_metadata: refused
 * with 409 on a locked server (non-admins) and outside ACTIVE, PAUSED, SUSPENDED, STOPPED without a task, and
 * limited by the project's metadata_items quota on the resulting metadata.
 */
@ApplicationScoped
public class ServerMetadata {
    private static final List<String> WRITABLE = List.of(VmStates.ACTIVE, VmStates.PAUSED, VmStates.SUSPENDED,
            VmStates.STOPPED);

    private final ServerQueries queries;
    private final Policy policy;
    private final ServerLocks locks;
    private final ComputeQuota quota;
    private final ServerEvents events;

    ServerMetadata(ServerQueries queries, Policy policy, ServerLocks locks, ComputeQuota quota, ServerEvents events) {
        this.queries = queries;
        this.policy = policy;
        this.locks = locks;
        this.quota = quota;
        this.events = events;
    }

    public Uni<Map<String, String>> index(Caller caller, UUID id) {
        return read(caller, id, ServerPolicies.METADATA_INDEX);
    }

    /** One item; 404 "Metadata item was not found" when the server has no such key. */
    public Uni<String> show(Caller caller, UUID id, String key) {
        return read(caller, id, ServerPolicies.METADATA_SHOW).map(m -> {
            String v = m.get(key);
            if (v == null) {
                throw noSuchItem();
            }
            return v;
        });
    }

    /**
     * Writes {@code items}: merged into the server's metadata, or (replace) instead of all of it. Answers the
     * server's metadata afterwards.
     */
    public Uni<Map<String, String>> write(Caller caller, UUID id, Map<String, String> items, boolean replace, String rule) {
        return Panache.withTransaction(() -> queries.visible(caller, id, true).chain(s -> {
            policy.enforce(rule, caller, ServerPolicies.target(s.projectId, null));
            writable(s, caller, "update metadata");
            Map<String, String> after = new LinkedHashMap<>(replace ? Map.of() : s.metadata);
            after.putAll(items);
            return quota.checkMetadataItems(s.projectId, after.size()).chain(() -> store(s, after));
        }));
    }

    /** Deletes one item (404 when the server has no such key). */
    public Uni<Void> delete(Caller caller, UUID id, String key) {
        return Panache.withTransaction(() -> queries.visible(caller, id, true).chain(s -> {
            policy.enforce(ServerPolicies.METADATA_DELETE, caller, ServerPolicies.target(s.projectId, null));
            if (!s.metadata.containsKey(key)) {
                throw noSuchItem();
            }
            writable(s, caller, "delete metadata");
            Map<String, String> after = new LinkedHashMap<>(s.metadata);
            after.remove(key);
            return store(s, after).replaceWithVoid();
        }));
    }

    private Uni<Map<String, String>> read(Caller caller, UUID id, String rule) {
        return Panache.withSession(() -> queries.visible(caller, id, false).map(s -> {
            policy.enforce(rule, caller, ServerPolicies.target(s.projectId, null));
            return Map.copyOf(s.metadata);
        }));
    }

    /** Nova's check_instance_lock and check_instance_state of the metadata calls. */
    private void writable(Server s, Caller caller, String action) {
        locks.check(s, caller);
        ServerActions.expect(s, action, WRITABLE);
    }

    private Uni<Map<String, String>> store(Server s, Map<String, String> metadata) {
        s.metadata = new java.util.HashMap<>(metadata);
        s.updatedAt = InstanceActions.now();
        return events.publish(s, ServerEvents.UPDATED).replaceWith(metadata);
    }

    private static NotFound noSuchItem() {
        return new NotFound("Metadata item was not found");
    }
}
