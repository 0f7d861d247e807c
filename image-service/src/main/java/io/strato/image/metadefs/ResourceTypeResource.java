package io.strato.image.metadefs;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The resource types metadata can describe: {@code /v2/metadefs/resource_types}. */
@Path("/v2/metadefs/resource_types")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ResourceTypeResource {
    private final ResourceTypeService service;
    private final CurrentCaller caller;

    public ResourceTypeResource(ResourceTypeService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<MetadefViews.ResourceTypes> types() {
        return service.types(caller.get()).map(all -> new MetadefViews.ResourceTypes(
                all.stream().map(MetadefViews.ResourceType::of).toList()));
    }
}
