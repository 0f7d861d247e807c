package io.strato.volume.compute;

import io.quarkus.security.Authenticated;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for compute-service's {@code GET /v2.1/servers/{id}} in tests (served by the application under test; the
 * test configuration points {@code strato.volume.compute.url} at it). A server in {@link #OWNERS} is shown to its
 * project and to admins only, as Nova shows servers; one in {@link #MISSING} to nobody; any other id is taken to be
 * a server the caller may see (the suite's other tests attach to made-up servers).
 */
@Path("/v2.1/servers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FakeComputeServers {
    public static final Map<UUID, String> OWNERS = new ConcurrentHashMap<>();
    public static final Set<UUID> MISSING = ConcurrentHashMap.newKeySet();
    /** The ids asked about, with the project of the token that asked. */
    public static final Map<UUID, String> ASKED = new ConcurrentHashMap<>();

    private final CurrentCaller callers;

    public FakeComputeServers(CurrentCaller callers) {
        this.callers = callers;
    }

    @GET
    @Path("{id}")
    public Response show(@PathParam("id") UUID id) {
        Caller caller = callers.get();
        ASKED.put(id, String.valueOf(caller.projectId()));
        String owner = OWNERS.get(id);
        boolean shown = !MISSING.contains(id) && (owner == null || owner.equals(caller.projectId()) || caller.hasRole("admin"));
        return shown ? Response.ok(Map.of("server", Map.of("id", id.toString()))).build()
                : Response.status(404).entity(Map.of("itemNotFound", Map.of("code", 404,
                        "message", "Instance " + id + " could not be found."))).build();
    }
}
