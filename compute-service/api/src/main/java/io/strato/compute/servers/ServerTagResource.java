package io.strato.compute.servers;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.rest.BodyRecords;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Nova's server tags (2.26): {@code /servers/{id}/tags} (GET, PUT all, DELETE all) and {@code /tags/{tag}} (GET
 * 204/404, PUT 201 with Location or 204, DELETE 204). Below 2.26 there is no such resource (404).
 */
@Path("/v2.1/servers/{id}/tags")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServerTagResource {
    private final ServerTags tags;
    private final CurrentCaller callers;
    private final ApiVersion version;
    private final ServerViews views;

    public ServerTagResource(ServerTags tags, CurrentCaller callers, ApiVersion version, ServerViews views) {
        this.tags = tags;
        this.callers = callers;
        this.version = version;
        this.views = views;
    }

    /** {@code {"tags": [...]}}, the body of PUT and the answer of GET and PUT. */
    public record Tags(@JsonProperty("tags") @Schema(implementation = String[].class, required = true) JsonNode tags,
                       @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }

    /** {@code {"tags": [...]}}, as answered. */
    public record TagList(@JsonProperty("tags") List<String> tags) {
    }

    @GET
    public Uni<TagList> index(@PathParam("id") String id) {
        served();
        return tags.index(callers.get(), RequestContext.serverId(id)).map(TagList::new);
    }

    @PUT
    public Uni<TagList> replace(@PathParam("id") String id, Tags body) {
        served();
        JsonNode b = BodyRecords.json(body);
        BodyFields.onlyKnown(b, Set.of("tags"));
        List<String> list = ServerTags.parse(b.get("tags"), "tags");
        return tags.replace(callers.get(), RequestContext.serverId(id), list).map(TagList::new);
    }

    @DELETE
    public Uni<Response> deleteAll(@PathParam("id") String id) {
        served();
        return tags.deleteAll(callers.get(), RequestContext.serverId(id)).map(v -> Response.noContent().build());
    }

    @GET
    @Path("{tag}")
    public Uni<Response> show(@PathParam("id") String id, @PathParam("tag") String tag) {
        served();
        return tags.show(callers.get(), RequestContext.serverId(id), tag).map(v -> Response.noContent().build());
    }

    /** Nova's schema for this PUT's body is null: no body, or JSON null. */
    @PUT
    @Path("{tag}")
    public Uni<Response> add(@PathParam("id") String id, @PathParam("tag") String tag, String body) {
        served();
        if (body != null && !body.isBlank() && !body.strip().equals("null")) {
            throw new InvalidInput("Invalid input for field/attribute tag. Value: " + body.strip() + ". "
                    + body.strip() + " is not of type 'null'");
        }
        return tags.add(callers.get(), RequestContext.serverId(id), tag).map(created -> created
                ? Response.created(URI.create(views.selfLink("servers", id) + "/tags/" + tag)).build()
                : Response.noContent().build());
    }

    @DELETE
    @Path("{tag}")
    public Uni<Response> delete(@PathParam("id") String id, @PathParam("tag") String tag) {
        served();
        return tags.delete(callers.get(), RequestContext.serverId(id), tag).map(v -> Response.noContent().build());
    }

    private void served() {
        if (!version.atLeast(26)) {
            throw new NotFound("The resource could not be found.");
        }
    }
}
