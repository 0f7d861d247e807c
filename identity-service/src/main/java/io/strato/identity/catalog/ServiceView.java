package io.strato.identity.catalog;

import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for a catalog service. */
public record ServiceView(String id, String type, String name, String description, boolean enabled,
                          Map<String, String> links) {

    public static ServiceView of(CatalogService s, Links links) {
        return new ServiceView(s.id, s.type, s.name, s.description, s.enabled, links.self("services/" + s.id));
    }

    @Schema(name = "ServiceOne")
    public record One(ServiceView service) {
    }

    @Schema(name = "ServiceMany")
    public record Many(List<ServiceView> services, Map<String, String> links) {
    }

    /** Request body: {"service": {...}}. */
    @Schema(name = "ServiceBody")
    public record Body(Fields service) {
    }

    @Schema(name = "ServiceFields")
    public record Fields(String type, String name, String description, Boolean enabled) {
    }
}
