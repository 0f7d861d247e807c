package io.strato.network.versions;

import io.quarkus.security.Authenticated;
import io.strato.network.api.Neutron;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /v2.0/extensions} and {@code GET /v2.0/extensions/{alias}}. */
@Path("/v2.0/extensions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ExtensionResource {

    @GET
    public Map<String, Object> list() {
        return Map.of("extensions", Extensions.ALL.stream().map(ExtensionResource::view).toList());
    }

    @GET
    @Path("{alias}")
    public Map<String, Object> show(@PathParam("alias") String alias) {
        return Extensions.ALL.stream().filter(e -> e.alias().equals(alias)).findFirst()
                .map(e -> Map.<String, Object>of("extension", view(e)))
                .orElseThrow(() -> Neutron.notFound("Extension", alias));
    }

    private static Map<String, Object> view(Extensions.Extension e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("alias", e.alias());
        v.put("name", e.name());
        v.put("description", e.description());
        v.put("updated", Extensions.UPDATED);
        v.put("links", List.of());
        return v;
    }
}
