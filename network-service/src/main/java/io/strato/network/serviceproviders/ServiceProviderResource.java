package io.strato.network.serviceproviders;

import io.quarkus.security.Authenticated;
import io.strato.network.api.FieldSelection;
import io.strato.network.api.ListRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Neutron's {@code GET /v2.0/service-providers} (the {@code service-type} extension), for every caller. */
@Path("/v2.0/service-providers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServiceProviderResource {

    @GET
    @FieldSelection
    public ServiceProviderView.Many list(@Context UriInfo uri) {
        return new ServiceProviderView.Many(ServiceProviders.matching(ListRequest.of(uri.getQueryParameters())));
    }
}
