package io.strato.image.metadefs;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** What the property, object and tag resources share: deleting one definition of their kind, or all of them. */
@Authenticated
public abstract class DefinitionResource {
    protected final DefinitionKind kind;
    protected final DefinitionService service;
    protected final CurrentCaller caller;

    protected DefinitionResource(DefinitionKind kind, DefinitionService service, CurrentCaller caller) {
        this.kind = kind;
        this.service = service;
        this.caller = caller;
    }

    @DELETE
    @Path("{name}")
    public Uni<Response> delete(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return service.delete(caller.get(), namespace, kind, name).map(v -> Response.noContent().build());
    }

    @DELETE
    public Uni<Response> deleteAll(@PathParam("namespace") String namespace) {
        return service.deleteAll(caller.get(), namespace, kind).map(v -> Response.noContent().build());
    }
}
