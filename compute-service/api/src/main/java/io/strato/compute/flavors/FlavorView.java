package io.strato.compute.flavors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.compute.api.Link;
import io.strato.compute.api.Microversion;
import io.strato.kit.web.PageLinks;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Nova's JSON of a flavor at 2.1 (2.55 adds description, 2.61 extra_specs, 2.75 swap 0 instead of ""), as
 * records; this bean builds them with the public URL in the links.
 */
@ApplicationScoped
public class FlavorView {
    private final String publicUrl;

    public FlavorView(@ConfigProperty(name = "strato.compute.public-url", defaultValue = "http://127.0.0.1:8080/compute")
                      String publicUrl) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** An item of {@code GET /flavors}. */
    @Schema(name = "FlavorBrief")
    public record Brief(@JsonProperty("id") String id, @JsonProperty("name") String name,
                        @JsonProperty("description") @JsonInclude(JsonInclude.Include.NON_NULL)
                        @Schema(implementation = String.class, nullable = true) Optional<String> description,
                        @JsonProperty("links") List<Link> links) {
    }

    /** A flavor of {@code /flavors/detail}, show, create and update; {@code swap} is "" for none before 2.75. */
    @Schema(name = "Flavor")
    public record Detail(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("ram") int ram,
            @JsonProperty("disk") int disk,
            @JsonProperty("swap") @Schema(oneOf = {Integer.class, String.class}) Object swap,
            @JsonProperty("OS-FLV-EXT-DATA:ephemeral") int ephemeral,
            @JsonProperty("OS-FLV-DISABLED:disabled") boolean disabled,
            @JsonProperty("vcpus") int vcpus,
            @JsonProperty("os-flavor-access:is_public") boolean isPublic,
            @JsonProperty("rxtx_factor") double rxtxFactor,
            @JsonProperty("description") @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(implementation = String.class, nullable = true) Optional<String> description,
            @JsonProperty("extra_specs") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> extraSpecs,
            @JsonProperty("links") List<Link> links) {
    }

    /** {@code {"flavor": {...}}}. */
    @Schema(name = "FlavorOne")
    public record One(@JsonProperty("flavor") Detail flavor) {
    }

    /** {@code GET /flavors/detail}: a page, and the next page's link when it is full. */
    @Schema(name = "FlavorMany")
    public record Many(@JsonProperty("flavors") List<Detail> flavors,
                       @JsonProperty("flavors_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> flavorsLinks) {
    }

    /** {@code GET /flavors}: a page of brief flavors, and the next page's link when it is full. */
    @Schema(name = "FlavorBriefMany")
    public record BriefMany(@JsonProperty("flavors") List<Brief> flavors,
                            @JsonProperty("flavors_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> flavorsLinks) {
    }

    /** A project that may use a private flavor. */
    @Schema(name = "FlavorAccess")
    public record Access(@JsonProperty("flavor_id") String flavorId, @JsonProperty("tenant_id") String tenantId) {
    }

    /** {@code {"flavor_access": [...]}}. */
    @Schema(name = "FlavorAccessList")
    public record AccessList(@JsonProperty("flavor_access") List<Access> flavorAccess) {
    }

    /** {@code {"extra_specs": {...}}}. */
    @Schema(name = "FlavorExtraSpecs")
    public record ExtraSpecs(@JsonProperty("extra_specs") Map<String, String> extraSpecs) {
    }

    /** The self and bookmark links of a flavor, as servers also show them. */
    public List<Link> links(String id) {
        return List.of(Link.self(publicUrl + "/v2.1/flavors/" + id), Link.bookmark(publicUrl + "/flavors/" + id));
    }

    Brief brief(Flavor f) {
        return brief(f, Microversion.MIN);
    }

    /** {@code description} from 2.55. */
    Brief brief(Flavor f, Microversion version) {
        return new Brief(f.id, f.name, version.atLeast(55) ? Optional.ofNullable(f.description) : null, links(f.id));
    }

    Detail detail(Flavor f) {
        return detail(f, Microversion.MIN, null);
    }

    /**
     * {@code description} from 2.55, {@code extra_specs} from 2.61 when not null (null: the caller may not list
     * them, and Nova leaves the key out), {@code swap} 0 rather than "" for none from 2.75.
     */
    Detail detail(Flavor f, Microversion version, Map<String, String> extraSpecs) {
        Object swap = f.swap == 0 && !version.atLeast(75) ? "" : f.swap;
        return new Detail(f.id, f.name, f.memoryMb, f.rootGb, swap, f.ephemeralGb, f.disabled, f.vcpus, f.isPublic,
                f.rxtxFactor, version.atLeast(55) ? Optional.ofNullable(f.description) : null,
                version.atLeast(61) ? extraSpecs : null, links(f.id));
    }

    /** {@code flavors_links} with the next page's link when the page is full, as Nova pages collections; else null. */
    List<Link> nextLinks(URI request, int limit, List<Flavor> page) {
        if (page.isEmpty() || page.size() < limit) {
            return null;
        }
        return Link.next(PageLinks.next(request, page.get(page.size() - 1).id, publicUrl, "/v2.1/"));
    }

    /** Nova's {@code flavor_access} entries of a flavor. */
    static AccessList access(String flavorId, List<String> projects) {
        return new AccessList(projects.stream().map(p -> new Access(flavorId, p)).toList());
    }
}
