package io.strato.identity.catalog;

import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;

/** Keystone's JSON for a catalog service. */
public record ServiceView(String id, String type, String name, String description, boolean enabled,
                          Map<String, String> links) {

    public static ServiceView of(CatalogService s, Links links) {
        return new ServiceView(s.id, s.type, s.name, s.description, s.enabled, links.self("services/" + s.id));
    }

    public record One(ServiceView service) {
    }

    public record Many(List<ServiceView> services, Map<String, String> links) {
    }

    /** Request body: {"service": {...}}. */
    public record Body(Fields service) {
    }

    public record Fields(String type, String name, String description, Boolean enabled) {
    }
}
