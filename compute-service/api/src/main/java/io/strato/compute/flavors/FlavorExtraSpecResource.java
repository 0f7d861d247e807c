package io.strato.compute.flavors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.rest.BodyRecords;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Nova's flavor extra specs: {@code /flavors/{id}/os-extra_specs[/{key}]}; admins write, readers read. From 2.86 the
 * written specs are checked against Nova's known extra specs ({@link KnownExtraSpecs}).
 */
@Path("/v2.1/flavors/{id}/os-extra_specs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FlavorExtraSpecResource {
    private final FlavorService flavors;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public FlavorExtraSpecResource(FlavorService flavors, Policy policy, CurrentCaller callers, ApiVersion version) {
        this.flavors = flavors;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
    }

    @GET
    public Uni<FlavorView.ExtraSpecs> index(@PathParam("id") String id) {
        Caller caller = callers.get();
        policy.enforce(FlavorPolicies.SPECS_INDEX, caller, NovaBaseRules.project(caller.projectId()));
        return flavors.specs(id, caller).map(FlavorView.ExtraSpecs::new);
    }

    /** Adds or replaces the given specs; answers with them (200, as Nova). */
    @POST
    public Uni<FlavorView.ExtraSpecs> create(@PathParam("id") String id, ExtraSpecsBody body) {
        Caller caller = callers.get();
        policy.enforce(FlavorPolicies.SPECS_CREATE, caller, NovaBaseRules.project(caller.projectId()));
        JsonNode b = BodyRecords.json(body);
        BodyFields.onlyKnown(b, Set.of("extra_specs"));
        Map<String, String> specs = ExtraSpecRules.parse(b.get("extra_specs"), "extra_specs", version.atLeast(86));
        return flavors.putSpecs(id, caller, specs).map(v -> new FlavorView.ExtraSpecs(specs));
    }

    @GET
    @Path("{key}")
    public Uni<Map<String, String>> show(@PathParam("id") String id, @PathParam("key") String key) {
        Caller caller = callers.get();
        policy.enforce(FlavorPolicies.SPECS_SHOW, caller, NovaBaseRules.project(caller.projectId()));
        return flavors.specs(id, caller).map(s -> {
            String v = s.get(key);
            if (v == null) {
                throw FlavorService.noSuchSpec(id, key);
            }
            return Map.of(key, v);
        });
    }

    /** The body is {@code {key: value}} for the key of the URI. */
    @PUT
    @Path("{key}")
    public Uni<Map<String, String>> update(@PathParam("id") String id, @PathParam("key") String key,
                                           @Schema(type = SchemaType.OBJECT, additionalProperties = String.class)
                                           Map<String, JsonNode> body) {
        Caller caller = callers.get();
        policy.enforce(FlavorPolicies.SPECS_UPDATE, caller, NovaBaseRules.project(caller.projectId()));
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        body.forEach(b::set);
        if (b.size() > 1) {
            throw new InvalidInput("Request body contains too many items");
        }
        // the value is checked before the key of the URI, as in Nova
        Map<String, String> spec = ExtraSpecRules.parse(b, "extra_specs", version.atLeast(86));
        if (!b.has(key)) {
            throw new InvalidInput("Request body and URI mismatch");
        }
        return flavors.putSpecs(id, caller, spec).map(v -> spec);
    }

    @DELETE
    @Path("{key}")
    public Uni<Response> delete(@PathParam("id") String id, @PathParam("key") String key) {
        Caller caller = callers.get();
        policy.enforce(FlavorPolicies.SPECS_DELETE, caller, NovaBaseRules.project(caller.projectId()));
        return flavors.deleteSpec(id, caller, key).map(v -> Response.ok().build());
    }
}
