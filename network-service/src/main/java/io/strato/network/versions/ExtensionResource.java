package io.strato.network.versions;

import io.quarkus.security.Authenticated;
import io.strato.network.api.Neutron;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v2.0/extensions} and {@code GET /v2.0/extensions/{alias}}. */
@Path("/v2.0/extensions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ExtensionResource {

    @GET
    public ExtensionView.Many list() {
        return new ExtensionView.Many(Extensions.ALL.stream().map(ExtensionView::of).toList());
    }

    @GET
    @Path("{alias}")
    public ExtensionView.One show(@PathParam("alias") String alias) {
        return Extensions.ALL.stream().filter(e -> e.alias().equals(alias)).findFirst()
                .map(e -> new ExtensionView.One(ExtensionView.of(e)))
                .orElseThrow(() -> Neutron.notFound("Extension", alias));
    }
}
