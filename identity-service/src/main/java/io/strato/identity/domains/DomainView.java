package io.strato.identity.domains;

import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for a domain. */
public record DomainView(String id, String name, String description, boolean enabled, Map<String, Object> options,
                         Map<String, String> links) {

    public static DomainView of(Domain d, Links links) {
        return new DomainView(d.id, d.name, d.description, d.enabled, Map.of(), links.self("domains/" + d.id));
    }

    @Schema(name = "DomainOne")
    public record One(DomainView domain) {
    }

    @Schema(name = "DomainMany")
    public record Many(List<DomainView> domains, Map<String, String> links) {
    }

    /** Request body: {"domain": {...}}. */
    @Schema(name = "DomainBody")
    public record Body(Fields domain) {
    }

    @Schema(name = "DomainFields")
    public record Fields(String name, String description, Boolean enabled, String id) {
    }
}
