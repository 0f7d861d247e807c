package io.strato.compute.servers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.rest.BodyRecords;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;

/**
 * Nova's server metadata: {@code /servers/{id}/metadata} (GET all, POST merge, PUT replace all) and
 * {@code /servers/{id}/metadata/{key}} (GET, PUT one, DELETE 204).
 */
@Path("/v2.1/servers/{id}/metadata")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServerMetadataResource {
    private final ServerMetadata metadata;
    private final CurrentCaller callers;

    public ServerMetadataResource(ServerMetadata metadata, CurrentCaller callers) {
        this.metadata = metadata;
        this.callers = callers;
    }

    /** {@code {"metadata": {...}}}. */
    public record All(@JsonProperty("metadata") Map<String, String> metadata) {
    }

    /** {@code {"meta": {key: value}}}. */
    public record One(@JsonProperty("meta") Map<String, String> meta) {
    }

    @GET
    public Uni<All> index(@PathParam("id") String id) {
        return metadata.index(callers.get(), RequestContext.serverId(id)).map(All::new);
    }

    /** Adds or replaces the given items, keeping the others; answers all of them (200, as Nova). */
    @POST
    public Uni<All> create(@PathParam("id") String id, ServerMetadataBody.Items body) {
        Map<String, String> items = items(body);
        return metadata.write(callers.get(), RequestContext.serverId(id), items, false, ServerPolicies.METADATA_CREATE)
                .map(All::new);
    }

    /** Replaces all the server's metadata with the given items. */
    @PUT
    public Uni<All> updateAll(@PathParam("id") String id, ServerMetadataBody.Items body) {
        Map<String, String> items = items(body);
        return metadata.write(callers.get(), RequestContext.serverId(id), items, true, ServerPolicies.METADATA_UPDATE_ALL)
                .map(All::new);
    }

    @GET
    @Path("{key}")
    public Uni<One> show(@PathParam("id") String id, @PathParam("key") String key) {
        return metadata.show(callers.get(), RequestContext.serverId(id), key).map(v -> new One(Map.of(key, v)));
    }

    /** Sets one item; the body must name exactly the URI's key (400 "Request body and URI mismatch"). */
    @PUT
    @Path("{key}")
    public Uni<One> update(@PathParam("id") String id, @PathParam("key") String key, ServerMetadataBody.Item body) {
        JsonNode b = BodyRecords.json(body);
        BodyFields.onlyKnown(b, Set.of("meta"));
        JsonNode meta = BodyFields.object(b, "meta");
        if (meta.isEmpty()) {
            throw BodyFields.invalid("meta", meta, "{} does not have enough properties");
        }
        if (meta.size() > 1) {
            throw BodyFields.invalid("meta", meta, meta + " has too many properties");
        }
        Map<String, String> item = BodyFields.metadata(meta, "meta");
        if (!item.containsKey(key)) {
            throw new InvalidInput("Request body and URI mismatch");
        }
        return metadata.write(callers.get(), RequestContext.serverId(id), item, false, ServerPolicies.METADATA_UPDATE)
                .map(all -> new One(item));
    }

    @DELETE
    @Path("{key}")
    public Uni<Response> delete(@PathParam("id") String id, @PathParam("key") String key) {
        return metadata.delete(callers.get(), RequestContext.serverId(id), key).map(v -> Response.noContent().build());
    }

    private static Map<String, String> items(ServerMetadataBody.Items body) {
        JsonNode b = BodyRecords.json(body);
        BodyFields.onlyKnown(b, Set.of("metadata"));
        return BodyFields.metadata(b.get("metadata"), "metadata");
    }
}
