package io.strato.identity.roles;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for implied-role rules ("role inferences"). */
public final class ImpliedRoleView {
    private ImpliedRoleView() {
    }

    /** A role as named inside an inference: id, name and its own link. */
    @Schema(name = "ImpliedRoleRef")
    public record RoleRef(String id, String name, Map<String, String> links) {
        public static RoleRef of(Role r, Links links) {
            return new RoleRef(r.id, r.name, links.self("roles/" + r.id));
        }
    }

    /** One rule: {"prior_role": {...}, "implies": {...}}. */
    @Schema(name = "ImpliedRoleInference")
    public record Inference(@JsonProperty("prior_role") RoleRef priorRole, RoleRef implies) {
    }

    /** A prior role with every role it implies directly: {"prior_role": {...}, "implies": [...]}. */
    @Schema(name = "ImpliedRoleInferences")
    public record Inferences(@JsonProperty("prior_role") RoleRef priorRole, List<RoleRef> implies) {
    }

    /** {"role_inference": {"prior_role", "implies": {...}}, "links": {...}} */
    @Schema(name = "ImpliedRoleOne")
    public record One(@JsonProperty("role_inference") Inference roleInference, Map<String, String> links) {
    }

    /** {"role_inference": {"prior_role", "implies": [...]}, "links": {...}} */
    @Schema(name = "ImpliedRolesOfPrior")
    public record OfPrior(@JsonProperty("role_inference") Inferences roleInference, Map<String, String> links) {
    }

    /** {"role_inferences": [...], "links": {...}} */
    @Schema(name = "ImpliedRoleMany")
    public record Many(@JsonProperty("role_inferences") List<Inferences> roleInferences, Map<String, String> links) {
    }
}
