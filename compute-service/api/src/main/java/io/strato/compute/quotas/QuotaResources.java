package io.strato.compute.quotas;

import java.util.List;

/** Nova's quota resource names, and the ones os-quota-sets shows at each microversion. */
public final class QuotaResources {
    public static final String INSTANCES = "instances";
    public static final String CORES = "cores";
    public static final String RAM = "ram";
    public static final String KEY_PAIRS = "key_pairs";
    public static final String SERVER_GROUPS = "server_groups";
    public static final String SERVER_GROUP_MEMBERS = "server_group_members";
    public static final String METADATA_ITEMS = "metadata_items";

    /**
     * The resources os-quota-sets shows and sets at 2.1, in Nova's order: the counted ones and per-server limits,
     * the injected files ones (gone at 2.57) and nova-network's (gone at 2.36; fixed at Nova's defaults, Neutron
     * owns them).
     */
    static final List<String> SHOWN = List.of(INSTANCES, CORES, RAM, METADATA_ITEMS, KEY_PAIRS, SERVER_GROUPS,
            SERVER_GROUP_MEMBERS, "injected_files", "injected_file_content_bytes", "injected_file_path_bytes",
            "floating_ips", "fixed_ips", "security_groups", "security_group_rules");

    /** Shown and settable before 2.57. */
    static final List<String> INJECTED_FILES = List.of("injected_files", "injected_file_content_bytes",
            "injected_file_path_bytes");
    /** nova-network's: shown and settable before 2.36. */
    static final List<String> NETWORK = List.of("floating_ips", "fixed_ips", "security_groups", "security_group_rules");

    private QuotaResources() {
    }

    /** The resources a request at {@code version} sees and sets: nova-network's go at 2.36, injected files at 2.57. */
    static List<String> visibleAt(io.strato.compute.api.Microversion version) {
        return SHOWN.stream().filter(r -> !(version.atLeast(36) && NETWORK.contains(r))
                && !(version.atLeast(57) && INJECTED_FILES.contains(r))).toList();
    }
}
