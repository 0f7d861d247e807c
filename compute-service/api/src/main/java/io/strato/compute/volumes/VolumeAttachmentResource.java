package io.strato.compute.volumes;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.api.Microversion;
import io.strato.compute.api.Pagination;
import io.strato.compute.api.QueryParams;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
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

    /** The server's attachments, with Nova's {@code limit}/{@code offset} (from 2.75 nothing else is allowed). */
    @GET
    public Uni<VolumeAttachmentView.Many> list(@PathParam("id") String id, @Context UriInfo uri) {
        Microversion v = version.get();
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        if (v.atLeast(75)) {
            QueryParams.onlyKnown(q, java.util.Set.of("limit", "offset"));
        }
        Pagination.Window window = Pagination.window(q.getFirst("limit"), q.getFirst("offset"), 1000);
        return attachments.list(callers.get(), RequestContext.serverId(id)).map(list -> new VolumeAttachmentView.Many(
                window.of(list).stream().map(a -> VolumeAttachmentView.of(a, v, false)).toList()));
    }

    @GET
    @Path("{volumeId}")
    public Uni<VolumeAttachmentView.One> show(@PathParam("id") String id, @PathParam("volumeId") String volumeId) {
        Microversion v = version.get();
        return attachments.show(callers.get(), RequestContext.serverId(id), volumeId)
                .map(a -> new VolumeAttachmentView.One(VolumeAttachmentView.of(a, v, false)));
    }

    /**
     * 2.85: {@code delete_on_termination} of an attached volume changes; the other keys of the view may be given
     * but must be what they are (400 otherwise). A different {@code volumeId}, and every PUT before 2.85, is Nova's
     * swap volume (admins): Strato's agents cannot swap a guest's disk, so it is refused.
     */
    @PUT
    @Path("{volumeId}")
    public Uni<Response> update(@PathParam("id") String id, @PathParam("volumeId") String volumeId, VolumeAttachmentBody body) {
        Microversion v = version.get();
        JsonNode att = body == null ? null : BodyRecords.json(body).get("volumeAttachment");
        if (att == null || !att.isObject()) {
            throw new InvalidInput("Invalid input for field/attribute volumeAttachment. Value: None. 'volumeAttachment' is a"
                    + " required property");
        }
        UUID newVolume = updatedVolumeId(att, v.atLeast(85));
        boolean swap = !v.atLeast(85) || !newVolume.toString().equals(volumeId);
        return attachments.update(callers.get(), RequestContext.serverId(id), volumeId, att, swap)
                .map(x -> Response.accepted().build());
    }

    @POST
    public Uni<VolumeAttachmentView.One> attach(@PathParam("id") String id, VolumeAttachmentBody body) {
        if (body != null && body.volumeAttachment() == null) {
            throw new InvalidInput("Resource body required: the request body must be {\"volumeAttachment\": {...}}.");
        }
        Microversion v = version.get();
        JsonNode att = BodyRecords.json(body).get("volumeAttachment");
        UUID volumeId = volumeId(att, v.atLeast(49), v.atLeast(79));
        boolean deleteOnTermination = v.atLeast(79) && att.has("delete_on_termination")
                && strictBoolean(att.get("delete_on_termination"));
        return attachments.attach(callers.get(), RequestContext.serverId(id), volumeId, request.requestId(), deleteOnTermination)
                .map(a -> new VolumeAttachmentView.One(VolumeAttachmentView.of(a, v, true)));
    }

    @DELETE
    @Path("{volumeId}")
    public Uni<Response> detach(@PathParam("id") String id, @PathParam("volumeId") String volumeId) {
        return attachments.detach(callers.get(), RequestContext.serverId(id), volumeId, request.requestId())
                .map(v -> Response.accepted().build());
    }

    static UUID volumeId(JsonNode attachment) {
        return volumeId(attachment, false, false);
    }

    /** Nova's {@code parameter_types.boolean}: a JSON boolean or one of oslo's boolean strings. */
    static boolean strictBoolean(JsonNode n) {
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        String s = n.isTextual() ? n.asText().toLowerCase(java.util.Locale.ROOT) : "";
        if (java.util.List.of("1", "t", "true", "on", "y", "yes").contains(s)) {
            return true;
        }
        if (java.util.List.of("0", "f", "false", "off", "n", "no").contains(s)) {
            return false;
        }
        throw new InvalidInput("Invalid input for field/attribute delete_on_termination. Value: " + n + ". " + n
                + " is not of type 'boolean', 'string'");
    }

    /** The update schema: volumeId required; before 2.85 only it (and no device), from 2.85 the view's keys. */
    static UUID updatedVolumeId(JsonNode attachment, boolean v285) {
        java.util.Set<String> known = v285 ? java.util.Set.of("volumeId", "device", "tag", "delete_on_termination", "serverId", "id")
                : java.util.Set.of("volumeId");
        for (Iterator<String> keys = attachment.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                throw new InvalidInput("Invalid input for field/attribute volumeAttachment. Value: " + attachment
                        + ". Additional properties are not allowed ('" + key + "' was unexpected)");
            }
        }
        if (attachment.has("delete_on_termination")) {
            strictBoolean(attachment.get("delete_on_termination"));
        }
        return requiredVolumeId(attachment);
    }

    /**
     * Nova's schema: {@code volumeId} a UUID (required), {@code device} a device name or null, and from 2.49 a
     * {@code tag}, which Strato refuses as Nova does on hosts whose driver cannot tag devices (its 400
     * VolumeTaggedAttachNotSupported): Strato's agents expose no device tags to guests.
     */
    static UUID volumeId(JsonNode attachment, boolean tagged, boolean deleteOnTermination) {
        for (Iterator<String> keys = attachment.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("volumeId") && !key.equals("device") && !(tagged && key.equals("tag"))
                    && !(deleteOnTermination && key.equals("delete_on_termination"))) {
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
        if (attachment.has("delete_on_termination")) {
            strictBoolean(attachment.get("delete_on_termination"));
        }
        return requiredVolumeId(attachment);
    }

    private static UUID requiredVolumeId(JsonNode attachment) {
        JsonNode v = attachment.get("volumeId");
        if (v == null) {
            throw new InvalidInput("Invalid input for field/attribute volumeAttachment. Value: " + attachment
                    + ". 'volumeId' is a required property");
        }
        return Ids.parse(v.isTextual() ? v.asText() : null).orElseThrow(() -> new InvalidInput(
                "Invalid input for field/attribute volumeId. Value: " + v.asText() + ". '" + v.asText() + "' is not a 'uuid'"));
    }
}
