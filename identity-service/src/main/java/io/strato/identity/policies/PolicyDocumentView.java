package io.strato.identity.policies;

import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for a policy: {@code {"policy": {"id", "type", "blob", "links"}}}. */
public record PolicyDocumentView(String id, String type, String blob, Map<String, String> links) {

    public static PolicyDocumentView of(PolicyDocument p, Links links) {
        return new PolicyDocumentView(p.id, p.type, p.blob, links.self("policies/" + p.id));
    }

    @Schema(name = "PolicyOne")
    public record One(PolicyDocumentView policy) {
    }

    @Schema(name = "PolicyMany")
    public record Many(List<PolicyDocumentView> policies, Map<String, String> links) {
    }

    /** Request body: {"policy": {...}}. */
    @Schema(name = "PolicyBody")
    public record Body(Fields policy) {
    }

    @Schema(name = "PolicyFields")
    public record Fields(String type, String blob) {
    }
}
