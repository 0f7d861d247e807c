package io.strato.compute.servers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API status of a server from its vm_state and task_state, as nova/api/openstack/common.py's
 * {@code status_from_state}, and back (for the {@code status} list filter).
 */
public final class ServerStatus {
    private static final String DEFAULT = "default";
    private static final Map<String, Map<String, String>> STATE_MAP = new LinkedHashMap<>();

    static {
        Map<String, String> resize = Map.of("resize_prep", "RESIZE", "resize_migrating", "RESIZE",
                "resize_migrated", "RESIZE", "resize_finish", "RESIZE");
        Map<String, String> active = new LinkedHashMap<>(resize);
        active.put(DEFAULT, "ACTIVE");
        active.put("rebooting", "REBOOT");
        active.put("reboot_pending", "REBOOT");
        active.put("reboot_started", "REBOOT");
        active.put("rebooting_hard", "HARD_REBOOT");
        active.put("reboot_pending_hard", "HARD_REBOOT");
        active.put("reboot_started_hard", "HARD_REBOOT");
        active.put("updating_password", "PASSWORD");
        active.put("rebuilding", "REBUILD");
        active.put("rebuild_block_device_mapping", "REBUILD");
        active.put("rebuild_spawning", "REBUILD");
        active.put("migrating", "MIGRATING");
        STATE_MAP.put("active", active);
        STATE_MAP.put("building", Map.of(DEFAULT, "BUILD"));
        Map<String, String> stopped = new LinkedHashMap<>(resize);
        stopped.put(DEFAULT, "SHUTOFF");
        stopped.put("rebuilding", "REBUILD");
        stopped.put("rebuild_block_device_mapping", "REBUILD");
        stopped.put("rebuild_spawning", "REBUILD");
        STATE_MAP.put("stopped", stopped);
        STATE_MAP.put("resized", Map.of(DEFAULT, "VERIFY_RESIZE", "resize_reverting", "REVERT_RESIZE"));
        STATE_MAP.put("paused", Map.of(DEFAULT, "PAUSED", "migrating", "MIGRATING"));
        STATE_MAP.put("suspended", Map.of(DEFAULT, "SUSPENDED"));
        STATE_MAP.put("rescued", Map.of(DEFAULT, "RESCUE"));
        STATE_MAP.put("error", Map.of(DEFAULT, "ERROR", "rebuilding", "REBUILD"));
        STATE_MAP.put("deleted", Map.of(DEFAULT, "DELETED"));
        STATE_MAP.put("soft-delete", Map.of(DEFAULT, "SOFT_DELETED"));
        STATE_MAP.put("shelved", Map.of(DEFAULT, "SHELVED"));
        STATE_MAP.put("shelved_offloaded", Map.of(DEFAULT, "SHELVED_OFFLOADED"));
    }

    private ServerStatus() {
    }

    public static String of(String vmState, String taskState) {
        Map<String, String> tasks = STATE_MAP.get(vmState);
        if (tasks == null) {
            return "UNKNOWN";
        }
        String s = taskState == null ? null : tasks.get(taskState);
        return s != null ? s : tasks.get(DEFAULT);
    }

    /**
     * The (vm_state, task_state) combinations that show as {@code status}: a vm_state with a null task
     * list means "any task_state not mapped to another status". Empty for an unknown status.
     */
    public static List<StatePattern> patterns(String status) {
        String wanted = status.toUpperCase();
        List<StatePattern> out = new ArrayList<>();
        STATE_MAP.forEach((vm, tasks) -> {
            List<String> explicit = new ArrayList<>();
            List<String> others = new ArrayList<>();
            tasks.forEach((task, st) -> {
                if (DEFAULT.equals(task)) {
                    return;
                }
                if (st.equals(wanted)) {
                    explicit.add(task);
                } else {
                    others.add(task);
                }
            });
            if (!explicit.isEmpty()) {
                out.add(new StatePattern(vm, explicit, false));
            }
            if (wanted.equals(tasks.get(DEFAULT))) {
                // the default status: any task_state (or none) that no other status of this vm_state claims
                out.add(new StatePattern(vm, others, true));
            }
        });
        return out;
    }

    /**
     * {@code negate == false}: vm_state = vmState and task_state in tasks. {@code negate == true}:
     * vm_state = vmState and (task_state is null or not in tasks).
     */
    public record StatePattern(String vmState, List<String> tasks, boolean negate) {
    }
}
