package io.strato.compute.quotas;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Default per-project compute quotas (Nova's {@code [quota]} options and defaults); a project's own limits set
 * through os-quota-sets override them. -1 is unlimited. Environment: {@code STRATO_COMPUTE_QUOTA_INSTANCES}...
 */
@ConfigMapping(prefix = "strato.compute.quota")
public interface QuotaConfig {
    /** Servers per project. */
    @WithDefault("10")
    int instances();

    /** vCPUs of all servers of a project. */
    @WithDefault("20")
    int cores();

    /** MB of RAM of all servers of a project. */
    @WithDefault("51200")
    int ram();

    /** Metadata items per server. */
    @WithDefault("128")
    int metadataItems();

    /** Injected files per server (kept for the API; Strato injects no files). */
    @WithDefault("5")
    int injectedFiles();

    /** Bytes per injected file. */
    @WithDefault("10240")
    int injectedFileContentBytes();

    /** Characters of an injected file's path. */
    @WithDefault("255")
    int injectedFilePathBytes();

    /** Key pairs per user. */
    @WithDefault("100")
    int keyPairs();

    /** Server groups per project. */
    @WithDefault("10")
    int serverGroups();

    /** Servers per server group. */
    @WithDefault("10")
    int serverGroupMembers();
}
