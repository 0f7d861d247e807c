package io.strato.identity.oauth1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for a consumer; {@code secret} only in the create answer. */
public record ConsumerView(String id, String description,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String secret, Map<String, String> links) {

    public static ConsumerView of(Consumer c, Links links) {
        return new ConsumerView(c.id, c.description, null, links.self("OS-OAUTH1/consumers/" + c.id));
    }

    public static ConsumerView created(Consumer c, Links links) {
        return new ConsumerView(c.id, c.description, c.secret, links.self("OS-OAUTH1/consumers/" + c.id));
    }

    @Schema(name = "ConsumerOne")
    public record One(ConsumerView consumer) {
    }

    @Schema(name = "ConsumerMany")
    public record Many(List<ConsumerView> consumers, Map<String, String> links) {
    }

    /** Request body: {"consumer": {...}}; a secret may not be chosen nor changed. */
    @Schema(name = "ConsumerBody")
    public record Body(Fields consumer) {
    }

    @Schema(name = "ConsumerFields")
    public record Fields(String description, String secret) {
    }
}
