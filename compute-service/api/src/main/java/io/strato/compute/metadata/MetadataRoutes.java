package io.strato.compute.metadata;

import io.strato.kit.web.RouteTemplates;
import io.vertx.core.http.HttpServerRequest;
import java.util.Set;

/**
 * The {@code uri} tag of a metadata API request's HTTP metrics: the route template of the path
 * ({@code /openstack/{version}/meta_data.json}), or {@code UNKNOWN} for a path that is no document of
 * {@link MetadataDocuments}, never the raw path, so made-up paths add no series (issue 16). The metadata API is a
 * plain Vert.x server outside the kit's router, so it names its requests itself, through the kit's
 * {@link RouteTemplates}.
 */
final class MetadataRoutes {
    private static final Set<String> OPENSTACK_FILES = Set.of("meta_data.json", "network_data.json",
            "vendor_data.json", "vendor_data2.json", "user_data");

    private MetadataRoutes() {
    }

    /** Names the request for its metrics by {@link #template} of its path. */
    static void name(HttpServerRequest request) {
        RouteTemplates.name(request, template(request.path()));
    }

    /** The template of a request path (query dropped), one of a fixed few, or {@code UNKNOWN}. */
    static String template(String path) {
        if (path == null) {
            return RouteTemplates.UNKNOWN;
        }
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (p.isEmpty() || p.equals("/")) {
            return "/";
        }
        if (p.equals("/openstack")) {
            return "/openstack";
        }
        if (p.startsWith("/openstack/")) {
            String[] parts = p.substring("/openstack/".length()).split("/", 2);
            if (!MetadataDocuments.VERSIONS.contains(parts[0])) {
                return RouteTemplates.UNKNOWN;
            }
            if (parts.length == 1) {
                return "/openstack/{version}";
            }
            return OPENSTACK_FILES.contains(parts[1]) ? "/openstack/{version}/" + parts[1] : RouteTemplates.UNKNOWN;
        }
        String[] parts = p.substring(1).split("/", 2);
        if (!MetadataDocuments.EC2_VERSIONS.contains(parts[0])) {
            return RouteTemplates.UNKNOWN;
        }
        String rest = parts.length > 1 ? parts[1] : "";
        return switch (rest) {
            case "" -> "/{ec2_version}";
            case "user-data" -> "/{ec2_version}/user-data";
            case "meta-data" -> "/{ec2_version}/meta-data";
            default -> rest.startsWith("meta-data/") ? "/{ec2_version}/meta-data/{key}" : RouteTemplates.UNKNOWN;
        };
    }
}
