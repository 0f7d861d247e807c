package io.strato.volume.attachments;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import io.strato.kit.rest.JsonBody;
import io.strato.kit.web.Paging;
import io.strato.volume.api.ApiVersion;
import io.strato.volume.api.Microversions;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.api.RequestBodies;
import io.strato.volume.policy.VolumePolicies;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/**
 * Cinder's attachments API (microversion 3.27+, os-complete 3.44+): the volume is looked up in the URL's project
 * only, so a caller can attach only that project's volumes (compute calls with its service token and the
 * server's project).
 */
@Path("/v3/{project_id}/attachments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AttachmentResource {
    private static final int MAX_LIMIT = 1000;

    private final AttachmentService service;
    private final Policy policy;
    private final CurrentCaller callers;
    private final JsonBody json;
    private final ApiVersion version;

    public AttachmentResource(AttachmentService service, Policy policy, CurrentCaller callers, JsonBody json,
                              ApiVersion version) {
        this.service = service;
        this.policy = policy;
        this.callers = callers;
        this.json = json;
        this.version = version;
    }

    @POST
    public Uni<Map<String, Object>> create(@PathParam("project_id") String project, AttachmentRequest.CreateBody body) {
        check(project, VolumePolicies.WRITE);
        AttachmentRequest.Create request = AttachmentRequest.Create.of(
                RequestBodies.unwrap(body, AttachmentRequest.CreateBody::attachment, "attachment"));
        return service.create(project, request).map(a -> Map.of("attachment", AttachmentView.detail(a)));
    }

    @GET
    public Uni<Map<String, Object>> list(@PathParam("project_id") String project, @Context UriInfo uri) {
        return list(project, uri, false);
    }

    @GET
    @Path("detail")
    public Uni<Map<String, Object>> detail(@PathParam("project_id") String project, @Context UriInfo uri) {
        return list(project, uri, true);
    }

    @GET
    @Path("{id}")
    public Uni<Map<String, Object>> show(@PathParam("project_id") String project, @PathParam("id") String id) {
        check(project, VolumePolicies.READ);
        return service.show(project, id).map(a -> Map.of("attachment", AttachmentView.detail(a)));
    }

    @PUT
    @Path("{id}")
    public Uni<Map<String, Object>> update(@PathParam("project_id") String project, @PathParam("id") String id,
                                           AttachmentRequest.UpdateBody body) {
        check(project, VolumePolicies.WRITE);
        Map<String, Object> connector = AttachmentRequest.connector(
                RequestBodies.unwrap(body, AttachmentRequest.UpdateBody::attachment, "attachment").connector(), true);
        return service.update(project, id, connector).map(a -> Map.of("attachment", AttachmentView.detail(a)));
    }

    @POST
    @Path("{id}/action")
    public Uni<Response> action(@PathParam("project_id") String project, @PathParam("id") String id, String body) {
        check(project, VolumePolicies.WRITE);
        JsonNode action = json.object(body);
        if (action.size() != 1 || !action.has("os-complete")) {
            throw new InvalidInput("There is no such action: the attachment actions are {\"os-complete\": null}.");
        }
        version.require(Microversions.ATTACHMENT_COMPLETE);
        return service.complete(project, id).map(v -> Response.noContent().build());
    }

    @DELETE
    @Path("{id}")
    public Uni<Map<String, Object>> delete(@PathParam("project_id") String project, @PathParam("id") String id) {
        check(project, VolumePolicies.WRITE);
        return service.delete(project, id)
                .map(remaining -> Map.of("attachments", remaining.stream().map(AttachmentView::summary).toList()));
    }

    private Uni<Map<String, Object>> list(String project, UriInfo uri, boolean detail) {
        check(project, VolumePolicies.READ);
        var q = uri.getQueryParameters();
        Paging paging = Paging.of(q.getFirst("limit"), null, MAX_LIMIT, MAX_LIMIT);
        String status = q.getFirst("attach_status") != null ? q.getFirst("attach_status") : q.getFirst("status");
        return service.list(project, q.getFirst("volume_id"), q.getFirst("instance_id"), status, paging.limit())
                .map(found -> {
                    List<Map<String, Object>> shown = found.stream()
                            .map(a -> detail ? AttachmentView.detail(a) : AttachmentView.summary(a)).toList();
                    return Map.of("attachments", shown);
                });
    }

    /** The microversion (3.27+), the URL's project (the token's unless admin) and the operation's rule. */
    private void check(String project, String operation) {
        version.require(Microversions.ATTACHMENTS);
        ProjectPath.authorize(policy, callers.get(), project, operation);
    }
}
