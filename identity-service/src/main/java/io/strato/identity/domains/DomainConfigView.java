package io.strato.identity.domains;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for a domain configuration, a group of it or an option: {@code {"config": {...}}}. */
@Schema(name = "DomainConfig")
public record DomainConfigView(Map<String, Object> config) {

    /** Request body: {"config": {group: {option: value}}}, or {"config": {option: value}} for one option. */
    @Schema(name = "DomainConfigBody")
    public record Body(Map<String, Object> config) {
    }
}
