package io.strato.compute.aggregates;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
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

/**
 * Nova's os-aggregates (admins only): list, create, show, update (name, availability zone), delete, and the actions
 * add_host, remove_host and set_metadata. Nova answers 200 where 201/204 would fit; so does Strato.
 */
@Path("/v2.1/os-aggregates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AggregateResource {
    private final AggregateService aggregates;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public AggregateResource(AggregateService aggregates, Policy policy, CurrentCaller callers, ApiVersion version) {
        this.aggregates = aggregates;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
    }

    @GET
    public Uni<AggregateView.Many> index() {
        enforce(AggregatePolicies.INDEX);
        return aggregates.list().map(l -> new AggregateView.Many(l.stream().map(w -> AggregateView.of(w, version.get())).toList()));
    }

    @POST
    public Uni<AggregateView.One> create(AggregateBody body) {
        enforce(AggregatePolicies.CREATE);
        AggregateRequest.Create r = AggregateRequest.create(BodyRecords.json(body));
        return aggregates.create(r).map(a -> new AggregateView.One(AggregateView.created(a, version.get())));
    }

    @GET
    @Path("{id}")
    public Uni<AggregateView.One> show(@PathParam("id") String id) {
        enforce(AggregatePolicies.SHOW);
        return aggregates.show(id(id)).map(this::one);
    }

    @PUT
    @Path("{id}")
    public Uni<AggregateView.One> update(@PathParam("id") String id, AggregateBody body) {
        enforce(AggregatePolicies.UPDATE);
        AggregateRequest.Update u = AggregateRequest.update(BodyRecords.json(body));
        return aggregates.update(id(id), u).map(this::one);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        enforce(AggregatePolicies.DELETE);
        return aggregates.delete(id(id)).map(v -> Response.ok().build());
    }

    /** {@code add_host}, {@code remove_host} or {@code set_metadata}. */
    @POST
    @Path("{id}/action")
    public Uni<AggregateView.One> action(@PathParam("id") String id, AggregateActionBody body) {
        JsonNode b = BodyRecords.json(body);
        if (b.size() != 1) {
            throw new InvalidInput("The request body must name exactly one action.");
        }
        String action = b.fieldNames().next();
        switch (action) {
            case "add_host" -> {
                enforce(AggregatePolicies.ADD_HOST);
                String host = AggregateRequest.host(BodyFields.object(b, action));
                return aggregates.addHost(id(id), host).map(this::one);
            }
            case "remove_host" -> {
                enforce(AggregatePolicies.REMOVE_HOST);
                String host = AggregateRequest.host(BodyFields.object(b, action));
                return aggregates.removeHost(id(id), host).map(this::one);
            }
            case "set_metadata" -> {
                enforce(AggregatePolicies.SET_METADATA);
                Map<String, String> metadata = AggregateRequest.metadata(BodyFields.object(b, action));
                return aggregates.setMetadata(id(id), metadata).map(this::one);
            }
            default -> throw new InvalidInput("There is no such action: " + action);
        }
    }

    /**
     * 2.81's image pre-caching on an aggregate's hosts ({@code {"cache": [{"id": uuid}, ...]}}, admins): the body
     * checked as Nova's schema (duplicates 400), the aggregate must exist (404), then 202. Nova's conductor only
     * casts the request to the hosts, whose driver may not pre-cache; Strato's agents have no pre-caching command,
     * so nothing further is done (images are fetched when a server is spawned, as before).
     */
    @POST
    @Path("{id}/images")
    public Uni<Response> images(@PathParam("id") String id, com.fasterxml.jackson.databind.JsonNode body) {
        if (!version.atLeast(81)) {
            throw new io.strato.kit.faults.NotFound("The resource could not be found.");
        }
        java.util.List<String> ids = imageIds(body); // Nova's schema is checked before its policy
        enforce(AggregatePolicies.IMAGES);
        int aggregate = id(id);
        if (ids.size() != new java.util.HashSet<>(ids).size()) {
            throw new InvalidInput("Duplicate images in request");
        }
        return aggregates.show(aggregate).map(w -> Response.accepted().build());
    }

    /** Nova's aggregate_images schema: {@code cache}, a non-empty list of {@code {"id": uuid}}, nothing else. */
    static java.util.List<String> imageIds(com.fasterxml.jackson.databind.JsonNode body) {
        if (body == null || !body.isObject() || !body.has("cache")) {
            throw new InvalidInput("Invalid input for field/attribute cache. Value: None. 'cache' is a required property");
        }
        body.fieldNames().forEachRemaining(k -> {
            if (!k.equals("cache")) {
                throw new InvalidInput("Additional properties are not allowed ('" + k + "' was unexpected)");
            }
        });
        com.fasterxml.jackson.databind.JsonNode cache = body.get("cache");
        if (!cache.isArray() || cache.isEmpty()) {
            throw new InvalidInput("Invalid input for field/attribute cache. Value: " + cache + ". It must be a non-empty list");
        }
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode item : cache) {
            com.fasterxml.jackson.databind.JsonNode image = item.isObject() && item.size() == 1 ? item.get("id") : null;
            if (image == null || !image.isTextual() || io.strato.kit.web.Ids.orNull(image.asText()) == null) {
                throw new InvalidInput("Invalid input for field/attribute cache. Value: " + cache
                        + ". Each item must be {\"id\": <an image UUID>}");
            }
            ids.add(image.asText());
        }
        return ids;
    }

    private AggregateView.One one(AggregateService.WithHosts w) {
        return new AggregateView.One(AggregateView.of(w, version.get()));
    }

    private void enforce(String rule) {
        policy.enforce(rule, callers.get(), Map.of());
    }

    /** Nova's validate_integer on the path's id: 400 for a non-integer, then 404 for an unknown one. */
    private static int id(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            if (id.matches("-?[0-9]+")) {
                throw AggregateService.notFound(id);
            }
            throw new InvalidInput("Invalid input received: id must be an integer");
        }
    }
}
