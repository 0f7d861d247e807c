package io.strato.compute.quotas;

import java.util.List;

/** Nova's quota resource names, and which microversion stopped showing the legacy ones. */
public final class QuotaResources {
    public static final String INSTANCES = "instances";
    public static final String CORES = "cores";
    public static final String RAM = "ram";
    public static final String KEY_PAIRS = "key_pairs";
    public static final String SERVER_GROUPS = "server_groups";
    public static final String SERVER_GROUP_MEMBERS = "server_group_members";
    public static final String METADATA_ITEMS = "metadata_items";

    /** Counted resources and the per-server limits that remain at every microversion. */
    static final List<String> CURRENT = List.of(INSTANCES, CORES, RAM, METADATA_ITEMS, KEY_PAIRS, SERVER_GROUPS,
            SERVER_GROUP_MEMBERS);
    /** Shown and settable before 2.57. */
    static final List<String> INJECTED_FILES = List.of("injected_files", "injected_file_content_bytes",
            "injected_file_path_bytes");
    /** nova-network's quotas: shown and settable before 2.36, fixed at Nova's defaults (Neutron owns them). */
    static final List<String> NETWORK = List.of("floating_ips", "fixed_ips", "security_groups", "security_group_rules");

    private QuotaResources() {
    }

    /** The resources a request at microversion 2.{@code minor} sees, in Nova's order. */
    static List<String> visibleAt(int minor) {
        List<String> out = new java.util.ArrayList<>(CURRENT);
        if (minor < 57) {
            out.addAll(INJECTED_FILES);
        }
        if (minor < 36) {
            out.addAll(NETWORK);
        }
        return out;
    }
}
