package io.strato.network.tags;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.rest.BodyRecords;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Neutron's standard-attr-tag API on every taggable collection:
 * {@code /v2.0/{networks|subnets|ports|security-groups|routers|floatingips|subnetpools}/{id}/tags[/{tag}]}. One
 * subclass per collection, each with a literal path: a path template in the collection's place would
 * lose to the collection's own resource ({@code /v2.0/networks}), which then finds no method for
 * {@code {id}/tags}.
 */
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public abstract class TagResource {
    @Inject
    TagService tags;
    @Inject
    CurrentCaller callers;
    private final String collection;

    /** @param collection the collection's name in the URL */
    protected TagResource(String collection) {
        this.collection = collection;
    }

    @Path("/v2.0/networks/{id}/tags")
    public static class Networks extends TagResource {
        public Networks() {
            super("networks");
        }
    }

    @Path("/v2.0/subnets/{id}/tags")
    public static class Subnets extends TagResource {
        public Subnets() {
            super("subnets");
        }
    }

    @Path("/v2.0/ports/{id}/tags")
    public static class Ports extends TagResource {
        public Ports() {
            super("ports");
        }
    }

    @Path("/v2.0/security-groups/{id}/tags")
    public static class SecurityGroups extends TagResource {
        public SecurityGroups() {
            super("security-groups");
        }
    }

    @Path("/v2.0/routers/{id}/tags")
    public static class Routers extends TagResource {
        public Routers() {
            super("routers");
        }
    }

    @Path("/v2.0/floatingips/{id}/tags")
    public static class FloatingIps extends TagResource {
        public FloatingIps() {
            super("floatingips");
        }
    }

    @Path("/v2.0/subnetpools/{id}/tags")
    public static class SubnetPools extends TagResource {
        public SubnetPools() {
            super("subnetpools");
        }
    }

    @GET
    public Uni<TagsView> list(@PathParam("id") String id) {
        Caller caller = callers.get();
        return tags.tags(caller, collection, id).map(TagsView::new);
    }

    /** 204 when the resource carries the tag, 404 TagNotFound otherwise. */
    @GET
    @Path("{tag}")
    public Uni<Response> check(@PathParam("id") String id,
                               @PathParam("tag") String tag) {
        Caller caller = callers.get();
        return tags.check(caller, collection, id, tag).map(v -> Response.noContent().build());
    }

    /** Replaces all tags with the body's {@code {"tags": [...]}}. */
    @PUT
    public Uni<TagsView> replace(@PathParam("id") String id, TagsBody body) {
        Caller caller = callers.get();
        return tags.replace(caller, collection, id, Tags.of(BodyRecords.json(body))).map(TagsView::new);
    }

    /** Adds the body's tags to those there (tag-creation). */
    @POST
    @ResponseStatus(201)
    @APIResponseSchema(value = TagsView.class, responseCode = "201", responseDescription = "Created")
    public Uni<TagsView> addAll(@PathParam("id") String id, TagsBody body) {
        Caller caller = callers.get();
        var added = Tags.of(BodyRecords.json(body));
        return tags.addAll(caller, collection, id, added).map(t -> new TagsView(added));
    }

    @PUT
    @Path("{tag}")
    public Uni<Response> add(@PathParam("id") String id,
                             @PathParam("tag") String tag) {
        Caller caller = callers.get();
        return tags.add(caller, collection, id, tag).map(v -> Response.status(201).build());
    }

    @DELETE
    @Path("{tag}")
    public Uni<Response> remove(@PathParam("id") String id,
                                @PathParam("tag") String tag) {
        Caller caller = callers.get();
        return tags.remove(caller, collection, id, tag).map(v -> Response.noContent().build());
    }

    @DELETE
    public Uni<Response> clear(@PathParam("id") String id) {
        Caller caller = callers.get();
        return tags.clear(caller, collection, id).map(v -> Response.noContent().build());
    }
}
