package io.strato.compute.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.faults.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * image-service's images as the caller sees them (their own token), for Nova's 2.1 image proxy and createImage:
 * Glance's refusals become Nova's (404 {@code Image not found.}, 403, 400, 409; Glance's 413 over its quotas a 403),
 * an unreachable image-service a 503.
 */
@ApplicationScoped
public class GlanceImages {
    private static final String SERVICE = "image-service";
    private final GlanceApi glance;
    private final ServiceToken serviceToken;

    GlanceImages(GlanceApi glance, ServiceToken serviceToken) {
        this.glance = glance;
        this.serviceToken = serviceToken;
    }

    /** What the proxy's list asks of Glance (null: no filter). */
    public record Filters(String name, String status, String minRam, String minDisk, String instanceUuid, String imageType,
                          String limit, String marker) {
    }

    /** Glance's image JSON. */
    public Uni<JsonNode> show(String id, String token) {
        return answer(Remote.call(SERVICE, () -> glance.image(id, token)));
    }

    /** Glance's list answer ({@code {"images": [...], "next"?}}). */
    public Uni<JsonNode> list(Filters f, String token) {
        return answer(Remote.call(SERVICE, () -> glance.images(f.name(), f.status(), f.minRam(), f.minDisk(), f.instanceUuid(),
                f.imageType(), f.limit(), f.marker(), token)));
    }

    /** Creates an image record with the caller's token (so it is the caller's project's); Glance's image JSON. */
    public Uni<JsonNode> create(com.fasterxml.jackson.databind.node.ObjectNode image, String token) {
        return answer(Remote.call(SERVICE, () -> glance.create(image.toString(), token)));
    }

    /** Makes {@code project} a member of the (shared) image, with the caller's token. */
    public Uni<Void> addMember(String id, String project, String token) {
        String body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("member", project).toString();
        return answer(Remote.call(SERVICE, () -> glance.addMember(id, body, token))).replaceWithVoid();
    }

    /** Deletes the image as compute-service itself (a snapshot given up after its caller left); gone already is fine. */
    public Uni<Void> deleteAsService(String id) {
        return Remote.asService(SERVICE, serviceToken, t -> glance.delete(id, t)).replaceWithVoid()
                .onFailure(e -> e instanceof RemoteFailure f && f.status() == 404).recoverWithNull();
    }

    public Uni<Void> delete(String id, String token) {
        return answer(Remote.call(SERVICE, () -> glance.delete(id, token))).replaceWithVoid();
    }

    /** Applies a JSON-patch to the image; Glance's image JSON after it. */
    public Uni<JsonNode> patch(String id, ArrayNode ops, String token) {
        return answer(Remote.call(SERVICE, () -> glance.patch(id, ops.toString(), token)));
    }

    private static Uni<JsonNode> answer(Uni<Remote.Reply> call) {
        return call.onFailure(RemoteFailure.class).transform(e -> new Unavailable(e.getMessage())).map(r -> {
            if (r.ok()) {
                return r.body();
            }
            throw switch (r.status()) {
                case 404 -> new NotFound("Image not found.");
                case 403, 413 -> new Forbidden(r.message());
                case 400 -> new InvalidInput(r.message());
                case 409 -> new Conflict(r.message());
                default -> new Unavailable(SERVICE + " answered " + r.status() + ": " + r.message());
            };
        });
    }
}
