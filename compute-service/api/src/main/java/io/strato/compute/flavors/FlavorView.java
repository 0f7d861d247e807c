package io.strato.compute.flavors;

import io.strato.kit.web.PageLinks;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Nova's JSON of a flavor, by microversion: 2.55 adds description, 2.61 extra_specs, 2.75 swap 0 instead of "". */
@ApplicationScoped
public class FlavorView {
    private final String publicUrl;

    public FlavorView(@ConfigProperty(name = "strato.compute.public-url", defaultValue = "http://127.0.0.1:8080/compute")
                      String publicUrl) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The self and bookmark links of a flavor, as servers also show them. */
    public List<Map<String, String>> links(String id) {
        return List.of(Map.of("rel", "self", "href", publicUrl + "/v2.1/flavors/" + id),
                Map.of("rel", "bookmark", "href", publicUrl + "/flavors/" + id));
    }

    /** An item of {@code GET /flavors}. */
    Map<String, Object> brief(Flavor f) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", f.id);
        v.put("name", f.name);
        v.put("links", links(f.id));
        return v;
    }

    /** A flavor of {@code /flavors/detail}, show and create. */
    Map<String, Object> detail(Flavor f) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", f.id);
        v.put("name", f.name);
        v.put("ram", f.memoryMb);
        v.put("disk", f.rootGb);
        v.put("swap", f.swap == 0 ? "" : f.swap);
        v.put("OS-FLV-EXT-DATA:ephemeral", f.ephemeralGb);
        v.put("OS-FLV-DISABLED:disabled", f.disabled);
        v.put("vcpus", f.vcpus);
        v.put("os-flavor-access:is_public", f.isPublic);
        v.put("rxtx_factor", f.rxtxFactor);
        v.put("links", links(f.id));
        return v;
    }

    /** {@code flavors_links} with the next page's link when the page is full, as Nova pages collections. */
    List<Map<String, String>> nextLinks(URI request, int limit, List<Flavor> page) {
        if (page.isEmpty() || page.size() < limit) {
            return List.of();
        }
        return PageLinks.nextLink(PageLinks.next(request, page.get(page.size() - 1).id, publicUrl, "/v2.1/"));
    }

    /** Nova's {@code flavor_access} entries of a flavor. */
    static List<Map<String, String>> access(String flavorId, List<String> projects) {
        return projects.stream().map(p -> Map.of("flavor_id", flavorId, "tenant_id", p)).toList();
    }
}
