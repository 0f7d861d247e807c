package io.strato.volume.metadata;

import io.quarkus.arc.All;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.policy.VolumePolicies;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Cinder's metadata subresource of volumes and snapshots, {@code /v3/{project_id}/volumes/{id}/metadata}: GET,
 * POST (merge), PUT (replace), and GET/PUT/DELETE {@code .../metadata/{key}}. Each collection's
 * {@link MetadataStore} keeps the metadata of its resources.
 */
@Path("/v3/{project_id}/{collection: volumes|snapshots}/{id}/metadata")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MetadataResource {
    private final Map<String, MetadataStore> stores;
    private final Policy policy;
    private final CurrentCaller callers;

    public MetadataResource(@All List<MetadataStore> stores, Policy policy, CurrentCaller callers) {
        this.stores = stores.stream().collect(Collectors.toMap(MetadataStore::collection, s -> s));
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    public Uni<Metadata.View> list(@PathParam("project_id") String project,
                                         @PathParam("collection") String collection, @PathParam("id") String id) {
        Caller caller = callers.get();
        boolean admin = ProjectPath.authorize(policy, caller, project, VolumePolicies.READ);
        return stores.get(collection).metadata(caller, admin, id).map(Metadata.View::new);
    }

    @POST
    public Uni<Metadata.View> merge(@PathParam("project_id") String project,
                                          @PathParam("collection") String collection, @PathParam("id") String id,
                                          Metadata.Body body) {
        return set(project, collection, id, body, false);
    }

    @PUT
    public Uni<Metadata.View> replace(@PathParam("project_id") String project,
                                            @PathParam("collection") String collection, @PathParam("id") String id,
                                            Metadata.Body body) {
        return set(project, collection, id, body, true);
    }

    @GET
    @Path("{key}")
    public Uni<Metadata.ItemView> show(@PathParam("project_id") String project,
                                         @PathParam("collection") String collection, @PathParam("id") String id,
                                         @PathParam("key") String key) {
        Caller caller = callers.get();
        boolean admin = ProjectPath.authorize(policy, caller, project, VolumePolicies.READ);
        MetadataStore store = stores.get(collection);
        return store.metadata(caller, admin, id).map(m -> {
            if (!m.containsKey(key)) {
                throw noSuchKey(store, id, key);
            }
            return new Metadata.ItemView(Map.of(key, m.get(key)));
        });
    }

    @PUT
    @Path("{key}")
    public Uni<Metadata.ItemView> setItem(@PathParam("project_id") String project,
                                            @PathParam("collection") String collection, @PathParam("id") String id,
                                            @PathParam("key") String key, Metadata.ItemBody body) {
        Caller caller = callers.get();
        boolean admin = ProjectPath.authorize(policy, caller, project, VolumePolicies.WRITE);
        Map<String, String> item = Metadata.itemOfBody(body, key);
        return stores.get(collection).changeMetadata(caller, admin, id, m -> Metadata.set(m, item, false))
                .map(m -> new Metadata.ItemView(item));
    }

    @DELETE
    @Path("{key}")
    public Uni<Response> deleteItem(@PathParam("project_id") String project,
                                    @PathParam("collection") String collection, @PathParam("id") String id,
                                    @PathParam("key") String key) {
        Caller caller = callers.get();
        boolean admin = ProjectPath.authorize(policy, caller, project, VolumePolicies.WRITE);
        MetadataStore store = stores.get(collection);
        return store.changeMetadata(caller, admin, id, m -> {
            Map<String, String> next = Metadata.without(m, key);
            if (next == null) {
                throw noSuchKey(store, id, key);
            }
            return next;
        }).map(m -> Response.ok().build());
    }

    private Uni<Metadata.View> set(String project, String collection, String id, Metadata.Body body, boolean replace) {
        Caller caller = callers.get();
        boolean admin = ProjectPath.authorize(policy, caller, project, VolumePolicies.WRITE);
        Map<String, String> md = Metadata.ofBody(body);
        return stores.get(collection).changeMetadata(caller, admin, id, m -> Metadata.set(m, md, replace))
                .map(Metadata.View::new);
    }

    private static NotFound noSuchKey(MetadataStore store, String id, String key) {
        return new NotFound(store.kind() + " " + id + " has no metadata with key " + key + ".");
    }
}
