package io.strato.compute.metadata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The OpenStack metadata API that compute-service serves to guests, through the network agents' proxies. */
@ConfigMapping(prefix = "strato.compute.metadata")
public interface MetadataConfig {

    /** Whether the metadata API listens at all. */
    @WithDefault("true")
    boolean enabled();

    /** Address it listens on (the proxies run on the same machine in deploy/local). */
    @WithDefault("127.0.0.1")
    String host();

    /** Its port (Nova's is 8775); 0 picks a free one (tests). */
    @WithDefault("8775")
    int port();

    /**
     * The secret shared with the network agents' proxies, which sign each request's instance id with it
     * (Neutron's {@code metadata_proxy_shared_secret}).
     */
    @WithDefault("strato-local-metadata-secret")
    String sharedSecret();
}
