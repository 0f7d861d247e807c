package io.strato.volume.types;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;

/** Cinder's {@code /types/{type_id}/encryption} (admins): a volume type's encryption specs. */
@Path("/v3/{project_id}/types/{type_id}/encryption")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EncryptionResource {
    private final EncryptionService service;
    private final Policy policy;
    private final CurrentCaller callers;

    public EncryptionResource(EncryptionService service, Policy policy, CurrentCaller callers) {
        this.service = service;
        this.policy = policy;
        this.callers = callers;
    }

    /** The specs, or {@code {}} when the type has none (as Cinder). */
    @GET
    public Uni<Object> show(@PathParam("project_id") String project, @PathParam("type_id") String typeId) {
        admin(project);
        return service.show(typeId).map(e -> e == null ? Map.of() : EncryptionView.shown(e));
    }

    /** One item of the specs: {@code {"cipher": "..."}}. */
    @GET
    @Path("{key}")
    public Uni<Map<String, Object>> item(@PathParam("project_id") String project, @PathParam("type_id") String typeId,
                                         @PathParam("key") String key) {
        admin(project);
        return service.show(typeId).map(e -> {
            Map<String, Object> items = e == null ? Map.of() : EncryptionView.items(e);
            if (!items.containsKey(key)) {
                throw new NotFound("Volume type encryption for type " + typeId + " has no spec " + key + ".");
            }
            Map<String, Object> one = new HashMap<>();
            one.put(key, items.get(key));
            return one;
        });
    }

    @POST
    public Uni<EncryptionView.One> create(@PathParam("project_id") String project, @PathParam("type_id") String typeId,
                                          EncryptionRequest body) {
        admin(project);
        return service.create(typeId, RequestBodies.unwrap(body, EncryptionRequest::encryption, "encryption"))
                .map(e -> new EncryptionView.One(EncryptionView.written(e)));
    }

    @PUT
    @Path("{encryption_id}")
    public Uni<Map<String, Object>> update(@PathParam("project_id") String project, @PathParam("type_id") String typeId,
                                           @PathParam("encryption_id") String encryptionId, EncryptionRequest body) {
        admin(project);
        EncryptionRequest.Fields fields = RequestBodies.unwrap(body, EncryptionRequest::encryption, "encryption");
        return service.update(typeId, encryptionId, fields).map(e -> {
            // Cinder answers the fields the update gave
            Map<String, Object> given = new HashMap<>();
            Map<String, Object> all = EncryptionView.items(e);
            for (String k : new String[] {"provider", "cipher", "key_size", "control_location"}) {
                boolean asked = switch (k) {
                    case "provider" -> fields.provider() != null;
                    case "cipher" -> fields.cipher() != null;
                    case "key_size" -> fields.keySize() != null;
                    default -> fields.controlLocation() != null;
                };
                if (asked) {
                    given.put(k, all.get(k));
                }
            }
            return Map.of("encryption", given);
        });
    }

    @DELETE
    @Path("{encryption_id}")
    public Uni<Response> delete(@PathParam("project_id") String project, @PathParam("type_id") String typeId,
                                @PathParam("encryption_id") String encryptionId) {
        admin(project);
        return service.delete(typeId, encryptionId).map(v -> Response.accepted().build());
    }

    private void admin(String project) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.ENCRYPTION_TYPES, Map.of());
    }
}
