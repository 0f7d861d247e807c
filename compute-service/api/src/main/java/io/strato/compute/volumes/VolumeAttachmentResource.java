package io.strato.compute.volumes;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.strato.compute.api.ApiVersion;
import io.smallrye.mutiny.Uni;
import io.strato.compute.servers.RequestContext;
import io.strato.kit.rest.BodyRecords;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.web.Ids;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Iterator;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@code /v2.1/servers/{id}/os-volume_attachments}: Nova's volume attachments of a server (2.1 shapes). */
@Path("/v2.1/servers/{id}/os-volume_attachments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VolumeAttachmentResource {
    /** Nova's schema for {@code device} (a name it then ignores, as libvirt picks the device). */
    private static final Pattern DEVICE = Pattern.compile("(^/dev/x?[a-z]?d?)([a-z]+)[0-9]*$");

    private final VolumeAttachments attachments;
    private final CurrentCaller callers;
    private final RequestContext request;
    private final ApiVersion version;

    public VolumeAttachmentResource(VolumeAttachments attachments, CurrentCaller callers,
                                    RequestContext request, ApiVersion version) {
        this.version = version;
        this.attachments = attachments;
        this.callers = callers;
        this.request = request;
    }

    @GET
    public Uni<VolumeAttachmentView.Many> list(@PathParam("id") String id) {
        return attachments.list(callers.get(), RequestContext.serverId(id))
                .map(list -> new VolumeAttachmentView.Many(list.stream().map(VolumeAttachmentView::of).toList()));
    }

    @GET
    @Path("{volumeId}")
    public Uni<VolumeAttachmentView.One> show(@PathParam("id") String id, @PathParam("volumeId") String volumeId) {
        return attachments.show(callers.get(), RequestContext.serverId(id), volumeId)
                .map(a -> new VolumeAttachmentView.One(VolumeAttachmentView.of(a)));
    }

    @POST
    public Uni<VolumeAttachmentView.One> attach(@PathParam("id") String id, VolumeAttachmentBody body) {
        if (body != null && body.volumeAttachment() == null) {
            throw new InvalidInput("Resource body required: the request body must be {\"volumeAttachment\": {...}}.");
        }
        UUID volumeId = volumeId(BodyRecords.json(body).get("volumeAttachment"), version.atLeast(49));
        return attachments.attach(callers.get(), RequestContext.serverId(id), volumeId, request.requestId())
                .map(a -> new VolumeAttachmentView.One(VolumeAttachmentView.of(a)));
    }

    @DELETE
    @Path("{volumeId}")
    public Uni<Response> detach(@PathParam("id") String id, @PathParam("volumeId") String volumeId) {
        return attachments.detach(callers.get(), RequestContext.serverId(id), volumeId, request.requestId())
                .map(v -> Response.accepted().build());
    }

    static UUID volumeId(JsonNode attachment) {
        return volumeId(attachment, false);
    }

    /**
     * Nova's schema: {@code volumeId} a UUID (required), {@code device} a device name or null, and from 2.49 a
     * {@code tag}, which Strato refuses as Nova does on hosts whose driver cannot tag devices (its 400
     * VolumeTaggedAttachNotSupported): Strato's agents expose no device tags to guests.
     */
    static UUID volumeId(JsonNode attachment, boolean tagged) {
        for (Iterator<String> keys = attachment.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("volumeId") && !key.equals("device") && !(tagged && key.equals("tag"))) {
                throw new InvalidInput("Invalid input for field/attribute volumeAttachment. Value: " + attachment
                        + ". Additional properties are not allowed ('" + key + "' was unexpected)");
            }
        }
        if (attachment.has("tag")) {
            throw new InvalidInput("Tagged volume attachment is not supported for this server instance.");
        }
        JsonNode device = attachment.get("device");
        if (device != null && !device.isNull() && !(device.isTextual() && DEVICE.matcher(device.asText()).matches())) {
            throw new InvalidInput("Invalid input for field/attribute device. Value: " + device + ". " + device
                    + " does not match '(^/dev/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$'");
        }
        JsonNode v = attachment.get("volumeId");
        if (v == null) {
            throw new InvalidInput("Invalid input for field/attribute volumeAttachment. Value: " + attachment
                    + ". 'volumeId' is a required property");
        }
        return Ids.parse(v.isTextual() ? v.asText() : null).orElseThrow(() -> new InvalidInput(
                "Invalid input for field/attribute volumeId. Value: " + v.asText() + ". '" + v.asText() + "' is not a 'uuid'"));
    }
}
