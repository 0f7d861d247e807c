package io.strato.volume.attachments;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.Paging;
import io.strato.volume.api.ApiVersion;
import io.strato.volume.compute.ComputeClient;
import io.strato.volume.api.Microversions;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.api.RequestBodies;
import io.strato.volume.policy.VolumePolicies;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
    private final ApiVersion version;
    private final ComputeClient compute;

    public AttachmentResource(AttachmentService service, Policy policy, CurrentCaller callers,
                              ApiVersion version, ComputeClient compute) {
        this.compute = compute;
        this.service = service;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
    }

    @POST
    public Uni<AttachmentView.One> create(@PathParam("project_id") String project, @HeaderParam("X-Auth-Token") String token,
                                          AttachmentRequest.CreateBody body) {
        boolean admin = check(project, VolumePolicies.WRITE);
        AttachmentRequest.Create request = AttachmentRequest.Create.of(
                RequestBodies.unwrap(body, AttachmentRequest.CreateBody::attachment, "attachment"));
        // the instance must be a server compute-service shows the caller (asked before any row is locked)
        Uni<Void> visible = request.instance() == null ? Uni.createFrom().voidItem()
                : compute.requireVisible(request.instance(), token);
        return visible.chain(() -> service.create(project, request)).map(a -> one(a, admin));
    }

    @GET
    public Uni<AttachmentView.Summaries> list(@PathParam("project_id") String project, @Context UriInfo uri) {
        return found(project, uri).map(l -> new AttachmentView.Summaries(l.stream().map(AttachmentView::summary).toList()));
    }

    @GET
    @Path("detail")
    public Uni<AttachmentView.Details> detail(@PathParam("project_id") String project, @Context UriInfo uri) {
        boolean admin = check(project, VolumePolicies.READ);
        return found(project, uri).map(l -> new AttachmentView.Details(l.stream().map(a -> AttachmentView.detail(a, admin)).toList()));
    }

    @GET
    @Path("{id}")
    public Uni<AttachmentView.One> show(@PathParam("project_id") String project, @PathParam("id") String id) {
        boolean admin = check(project, VolumePolicies.READ);
        return service.show(project, id).map(a -> one(a, admin));
    }

    @PUT
    @Path("{id}")
    public Uni<AttachmentView.One> update(@PathParam("project_id") String project, @PathParam("id") String id,
                                          AttachmentRequest.UpdateBody body) {
        boolean admin = check(project, VolumePolicies.WRITE);
        Map<String, Object> connector = AttachmentRequest.connector(
                RequestBodies.unwrap(body, AttachmentRequest.UpdateBody::attachment, "attachment").connector(), true);
        return service.update(project, id, connector).map(a -> one(a, admin));
    }

    @POST
    @Path("{id}/action")
    public Uni<Response> action(@PathParam("project_id") String project, @PathParam("id") String id,
                                AttachmentRequest.ActionBody body) {
        check(project, VolumePolicies.WRITE);
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        if (!body.isComplete()) {
            throw new InvalidInput("There is no such action: the attachment actions are {\"os-complete\": null}.");
        }
        version.require(Microversions.ATTACHMENT_COMPLETE);
        return service.complete(project, id).map(v -> Response.noContent().build());
    }

    @DELETE
    @Path("{id}")
    public Uni<AttachmentView.Summaries> delete(@PathParam("project_id") String project, @PathParam("id") String id) {
        check(project, VolumePolicies.WRITE);
        return service.delete(project, id)
                .map(remaining -> new AttachmentView.Summaries(remaining.stream().map(AttachmentView::summary).toList()));
    }

    /** The URL's project's attachments, filtered by volume, instance and status, up to the limit. */
    private Uni<List<Attachment>> found(String project, UriInfo uri) {
        check(project, VolumePolicies.READ);
        var q = uri.getQueryParameters();
        Paging paging = Paging.of(q.getFirst("limit"), null, MAX_LIMIT, MAX_LIMIT);
        String status = q.getFirst("attach_status") != null ? q.getFirst("attach_status") : q.getFirst("status");
        return service.list(project, q.getFirst("volume_id"), q.getFirst("instance_id"), status, paging.limit());
    }

    private static AttachmentView.One one(Attachment a, boolean admin) {
        return new AttachmentView.One(AttachmentView.detail(a, admin));
    }

    /** The microversion (3.27+), the URL's project (the token's unless admin) and the operation's rule; true for an admin. */
    private boolean check(String project, String operation) {
        version.require(Microversions.ATTACHMENTS);
        return ProjectPath.authorize(policy, callers.get(), project, operation);
    }
}
