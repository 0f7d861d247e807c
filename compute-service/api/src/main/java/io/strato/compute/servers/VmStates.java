package io.strato.compute.servers;

/** Nova's vm_state and task_state values Strato uses (nova/compute/vm_states.py, task_states.py). */
public final class VmStates {
    private VmStates() {
    }

    public static final String BUILDING = "building";
    public static final String ACTIVE = "active";
    public static final String STOPPED = "stopped";
    public static final String RESIZED = "resized";
    public static final String ERROR = "error";
    public static final String PAUSED = "paused";
    public static final String SUSPENDED = "suspended";

    public static final String SCHEDULING = "scheduling";
    public static final String NETWORKING = "networking";
    public static final String SPAWNING = "spawning";
    public static final String POWERING_OFF = "powering-off";
    public static final String POWERING_ON = "powering-on";
    public static final String REBOOTING = "rebooting";
    public static final String REBOOTING_HARD = "rebooting_hard";
    public static final String RESIZE_PREP = "resize_prep";
    public static final String RESIZE_REVERTING = "resize_reverting";
    public static final String DELETING = "deleting";
    public static final String PAUSING = "pausing";
    public static final String UNPAUSING = "unpausing";
    public static final String SUSPENDING = "suspending";
    public static final String RESUMING = "resuming";
    /** A rebuild: the host deletes the old guest (rebuilding), then spawns the new image (rebuild_spawning). */
    public static final String REBUILDING = "rebuilding";
    public static final String REBUILD_SPAWNING = "rebuild_spawning";
    /** A createImage: set by the API, ended by the agent's answer after the upload (Nova's snapshot task states). */
    public static final String IMAGE_SNAPSHOT_PENDING = "image_snapshot_pending";
    /** A createBackup, from the API to the agent's answer after the upload and the rotation. */
    public static final String IMAGE_BACKUP = "image_backup";
}
