package io.strato.compute.servers;

import io.smallrye.mutiny.Uni;
import io.strato.kit.data.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts compute-service publishes about servers, through the outbox in the transaction that changed
 * the server: {@code strato.compute.server.<verb>.v1} on topic {@code strato.compute} (docs/events.md).
 */
@ApplicationScoped
public class ServerEvents {
    public static final String TOPIC = "strato.compute";

    public static final String CREATED = "created";
    public static final String LAUNCHED = "launched";
    public static final String FAILED = "failed";
    public static final String UPDATED = "updated";
    public static final String STOPPED = "stopped";
    public static final String STARTED = "started";
    public static final String REBOOTED = "rebooted";
    public static final String RESIZED = "resized";
    public static final String RESIZE_CONFIRMED = "resize_confirmed";
    public static final String RESIZE_REVERTED = "resize_reverted";
    public static final String POWER_CHANGED = "power_changed";
    public static final String DELETED = "deleted";
    public static final String REBUILT = "rebuilt";
    public static final String PAUSED = "paused";
    public static final String UNPAUSED = "unpaused";
    public static final String SUSPENDED = "suspended";
    public static final String RESUMED = "resumed";

    private final Outbox outbox;

    ServerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(Server s, String verb) {
        return outbox.add(TOPIC, "strato.compute.server." + verb + ".v1", s.id.toString(), data(s));
    }

    static Map<String, Object> data(Server s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", s.id.toString());
        d.put("name", s.name);
        d.put("project_id", s.projectId);
        d.put("user_id", s.userId);
        d.put("status", ServerStatus.of(s.vmState, s.taskState));
        d.put("vm_state", s.vmState);
        d.put("task_state", s.taskState);
        d.put("power_state", s.powerState);
        d.put("host", s.host);
        d.put("availability_zone", s.availabilityZone);
        d.put("flavor_id", s.flavorId);
        d.put("image_id", s.imageId == null ? null : s.imageId.toString());
        d.put("launched_at", s.launchedAt == null ? null : s.launchedAt.toString());
        if (s.fault != null) {
            d.put("fault", Map.of("code", s.fault.code(), "message", s.fault.message()));
        }
        return d;
    }
}
