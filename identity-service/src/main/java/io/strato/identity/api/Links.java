package io.strato.identity.api;

import io.strato.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds Keystone's {@code links} objects from the public URL (clients follow them through the gateway). */
@ApplicationScoped
public class Links {
    private final String base;

    public Links(IdentityConfig config) {
        this.base = config.publicUrl().replaceAll("/+$", "");
    }

    /** {@code {"self": "<public>/v3/<path>"}} */
    public Map<String, String> self(String path) {
        return Map.of("self", url(path));
    }

    /** A collection's links: self, and previous/next as null (pages are driven by limit/marker). */
    public Map<String, String> collection(String path) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("self", url(path));
        m.put("previous", null);
        m.put("next", null);
        return m;
    }

    public String url(String path) {
        return base + "/v3/" + path;
    }

    public String base() {
        return base;
    }
}
