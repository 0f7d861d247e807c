package io.strato.volume.volumes;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.PageLinks;
import io.strato.kit.web.Paging;
import io.strato.kit.web.Booleans;
import io.strato.volume.api.ApiVersion;
import io.strato.volume.api.Link;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.api.VolumeApiConfig;
import io.strato.volume.policy.VolumePolicies;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import io.strato.volume.images.ImageClient;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Cinder's volumes: create, list (brief and detail), show, update, delete and actions (metadata: {@link io.strato.volume.metadata.MetadataResource}). */
@Path("/v3/{project_id}/volumes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VolumeResource {
    private static final int MAX_LIMIT = 1000;

    private final VolumeCommands service;
    private final VolumeQueries queries;
    private final VolumeWorker worker;
    private final Policy policy;
    private final CurrentCaller callers;
    private final VolumeApiConfig config;
    private final ImageClient images;
    private final AttachActions attachActions;
    private final ApiVersion version;
    private final VolumeUploads uploads;
    private final VolumeImageMetadata imageMetadata;

    public VolumeResource(VolumeCommands service, VolumeQueries queries, VolumeWorker worker, Policy policy, CurrentCaller callers,
                          VolumeApiConfig config, ImageClient images, AttachActions attachActions, ApiVersion version,
                          VolumeUploads uploads, VolumeImageMetadata imageMetadata) {
        this.imageMetadata = imageMetadata;
        this.version = version;
        this.uploads = uploads;
        this.images = images;
        this.attachActions = attachActions;
        this.service = service;
        this.queries = queries;
        this.worker = worker;
        this.policy = policy;
        this.callers = callers;
        this.config = config;
    }

    @POST
    public Uni<RestResponse<VolumeView.One>> create(@PathParam("project_id") String project, @HeaderParam("X-Auth-Token") String token,
                                VolumeRequest.CreateBody body) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE);
        VolumeRequest.Create request = VolumeRequest.Create.of(VolumeRequest.unwrap(body, VolumeRequest.CreateBody::volume, "volume"));
        Uni<ImageClient.ImageInfo> image = request.imageId() == null ? Uni.createFrom().nullItem()
                : images.show(request.imageId().toString(), token);
        return image.flatMap(i -> service.create(caller, admin, request, i)
                        .invoke(s -> {
                            if (VolumeStatus.CREATING.equals(s.volume().status)) {
                                worker.create(s.volume(), i, token);
                            }
                        }))
                .map(s -> RestResponse.status(Response.Status.ACCEPTED, new VolumeView.One(view(s, VolumeKeys.written(version, admin)))));
    }

    @GET
    public Uni<VolumeView.BriefMany> list(@PathParam("project_id") String project, @Context UriInfo uri) {
        return list(project, uri, (shown, admin) -> shown.stream().map(s -> VolumeView.Brief.of(s.volume(), config.publicUrl())).toList(),
                VolumeView.BriefMany::new);
    }

    @GET
    @Path("detail")
    public Uni<VolumeView.Many> detail(@PathParam("project_id") String project, @Context UriInfo uri) {
        return list(project, uri, (shown, admin) -> shown.stream().map(s -> view(s, VolumeKeys.shown(version, admin))).toList(), VolumeView.Many::new);
    }

    /**
     * {@code GET /volumes/summary} (3.12): the count and total size of the volumes the list would show, with the
     * filters of the list; at 3.36 each metadata key's distinct values too. Below 3.12 Cinder routes it to show: 404.
     */
    @GET
    @Path("summary")
    public Uni<VolumeView.Summary> summary(@PathParam("project_id") String project, @Context UriInfo uri) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.READ);
        if (!version.atLeast(VolumeView.SUMMARY)) {
            throw new NotFound("Volume summary could not be found.");
        }
        boolean metadata = version.atLeast(VolumeView.SUMMARY_METADATA);
        return queries.summary(caller, admin, VolumeFilter.of(uri.getQueryParameters()))
                .map(s -> VolumeView.Summary.of(s, metadata));
    }

    @GET
    @Path("{id}")
    public Uni<VolumeView.One> show(@PathParam("project_id") String project, @PathParam("id") String id) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.READ);
        return queries.show(caller, admin, id).map(s -> new VolumeView.One(view(s, VolumeKeys.shown(version, admin))));
    }

    @PUT
    @Path("{id}")
    public Uni<VolumeView.One> update(@PathParam("project_id") String project, @PathParam("id") String id,
                                      VolumeRequest.UpdateBody body) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE);
        return service.update(caller, admin, id, VolumeRequest.unwrap(body, VolumeRequest.UpdateBody::volume, "volume"))
                .map(s -> new VolumeView.One(view(s, VolumeKeys.written(version, admin))));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("project_id") String project, @PathParam("id") String id,
                                @QueryParam("cascade") String cascade) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE);
        boolean withSnapshots = cascade != null && Booleans.require(cascade, "cascade");
        return service.delete(caller, admin, id, withSnapshots).invoke(v -> worker.delete(v.id)).map(v -> Response.accepted().build());
    }

    @POST
    @Path("{id}/action")
    public Uni<Response> action(@PathParam("project_id") String project, @PathParam("id") String id,
                                @HeaderParam("X-Auth-Token") String token, VolumeActionBody body) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE);
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        Map.Entry<String, JsonNode> action = body.action();
        String name = action.getKey();
        JsonNode args = action.getValue();
        switch (name) {
            case "os-extend" -> {
                JsonNode size = args.get("new_size");
                if (size == null) {
                    throw new InvalidInput("Invalid input for field/attribute os-extend: new_size is required.");
                }
                int newSize = VolumeRequest.size(size, "new_size");
                return service.extend(caller, admin, id, newSize).invoke(worker::extend)
                        .map(v -> Response.accepted().build());
            }
            case "os-reset_status" -> {
                policy.enforce(VolumePolicies.RESET_STATUS, caller, Map.of());
                String status = args.hasNonNull("status") ? args.get("status").asText() : null;
                return service.resetStatus(caller, id, status).map(v -> Response.accepted().build());
            }
            case "os-retype" -> {
                String type = args.hasNonNull("new_type") ? args.get("new_type").asText() : null;
                return service.retype(caller, admin, id, type).map(v -> Response.accepted().build());
            }
            case "os-set_bootable" -> {
                JsonNode b = args.get("bootable");
                if (b == null) {
                    throw new InvalidInput("Invalid input received: os-set_bootable needs bootable true or false.");
                }
                return service.setBootable(caller, admin, id, Booleans.require(b, "bootable"))
                        .map(v -> Response.ok().build());
            }
            case "os-volume_upload_image" -> {
                boolean v31 = version.atLeast(UploadImageRequest.UPLOAD_IMAGE_PARAMS);
                UploadImageRequest request = UploadImageRequest.of(args, v31);
                return uploads.start(caller, admin, id, request, token, v31)
                        .map(view -> Response.accepted(view).build());
            }
            case "os-update_readonly_flag" -> {
                JsonNode readonly = args.get("readonly");
                if (readonly == null) {
                    throw new InvalidInput("Invalid input for field/attribute os-update_readonly_flag: readonly is required.");
                }
                return service.updateReadonlyFlag(caller, admin, id, Booleans.require(readonly, "readonly"))
                        .map(v -> Response.accepted().build());
            }
            case "os-force_delete" -> {
                policy.enforce(VolumePolicies.FORCE_DELETE, caller, Map.of());
                return service.forceDelete(caller, id).invoke(v -> worker.delete(v.id)).map(v -> Response.accepted().build());
            }
            case "os-set_image_metadata" -> {
                return imageMetadata.set(caller, admin, id, args).map(m -> Response.ok(Map.of("metadata", m)).build());
            }
            case "os-unset_image_metadata" -> {
                return imageMetadata.unset(caller, admin, id, args).map(v -> Response.ok().build());
            }
            case "os-show_image_metadata" -> {
                return imageMetadata.show(caller, admin, id).map(m -> Response.ok(Map.of("metadata", m)).build());
            }
            case "os-force_detach" -> {
                policy.enforce(VolumePolicies.FORCE_DETACH, caller, Map.of());
                return attachActions.forceDetach(id, args);
            }
            default -> {
                if (AttachActions.NAMES.contains(name)) {
                    return attachActions.run(project, id, name, args, token, admin);
                }
                throw new InvalidInput("There is no such action: " + name);
            }
        }
    }

    /** A page of the caller's volumes, each shown by {@code views}, with the next page's link when there is one. */
    private <V, P> Uni<P> list(String project, UriInfo uri, BiFunction<List<ShownVolume>, Boolean, List<V>> views,
                               BiFunction<List<V>, List<Link>, P> page) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.READ);
        var q = uri.getQueryParameters();
        Paging paging = Paging.of(q.getFirst("limit"), q.getFirst("marker"), MAX_LIMIT, MAX_LIMIT);
        VolumeFilter filter = VolumeFilter.of(q);
        return queries.list(caller, admin, filter, paging.limit(), paging.marker()).map(shown -> {
            List<Link> next = null;
            if (!shown.isEmpty() && shown.size() == paging.limit() && q.getFirst("limit") != null) {
                String last = shown.get(shown.size() - 1).volume().id.toString();
                next = Link.next(PageLinks.next(uri.getRequestUri(), last, config.publicUrl(), "/v3/"));
            }
            return page.apply(views.apply(shown, admin), next);
        });
    }

    private VolumeView view(ShownVolume s, VolumeKeys keys) {
        return VolumeView.of(s.volume(), s.typeName(), config.publicUrl(), keys, s.attachments());
    }

    /** Checks the URL's project and the operation's rule; true for an admin. */
    private boolean check(Caller caller, String project, String operation) {
        return ProjectPath.authorize(policy, caller, project, operation);
    }
}
