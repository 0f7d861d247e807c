package io.strato.compute.interfaces;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.clients.Networks;
import io.strato.compute.serverinfo.VisibleServers;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Ids;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Nova's os-interface: a server's ports, as network-service has them now (Nova asks Neutron on each call too).
 * Attaching and detaching ports to a running server are not served: the agents cannot hot-plug a NIC yet. Nova
 * answers 501 for a driver without that function; Strato answers a 400 that says so, as it does for its other
 * unsupported requests (a 5xx would say the cloud failed, not that it refuses).
 */
@Path("/v2.1/servers/{id}/os-interface")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InterfaceAttachmentResource {
    public static final String UNSUPPORTED = "Attaching and detaching interfaces is not supported by this cloud: "
            + "choose a server's networks or ports when it is created.";
    private final VisibleServers servers;
    private final Networks networks;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public InterfaceAttachmentResource(VisibleServers servers, Networks networks, CurrentCaller callers,
            ApiVersion version) {
        this.servers = servers;
        this.networks = networks;
        this.callers = callers;
        this.version = version;
    }

    @GET
    public Uni<InterfaceAttachmentView.Many> index(@PathParam("id") String id) {
        boolean tag = version.atLeast(70);
        return servers.find(callers.get(), id, InterfacePolicies.LIST)
                .chain(s -> networks.interfacesOf(s.id))
                .map(ports -> new InterfaceAttachmentView.Many(
                        ports.stream().map(p -> InterfaceAttachmentView.of(p, tag)).toList()));
    }

    @GET
    @Path("{portId}")
    public Uni<InterfaceAttachmentView.One> show(@PathParam("id") String id, @PathParam("portId") String portId) {
        boolean tag = version.atLeast(70);
        return servers.find(callers.get(), id, InterfacePolicies.SHOW).chain(s -> {
            UUID port = Ids.orNull(portId);
            Uni<Networks.InterfaceInfo> found = port == null ? Uni.createFrom().nullItem() : networks.interfaceOf(port);
            return found.map(p -> {
                if (p == null) {
                    throw new NotFound("Port " + portId + " could not be found.");
                }
                if (!s.id.toString().equals(p.deviceId())) {
                    throw new NotFound("Instance " + s.id + " does not have a port with id " + portId);
                }
                return new InterfaceAttachmentView.One(InterfaceAttachmentView.of(p, tag));
            });
        });
    }

    @POST
    public Uni<Response> attach(@PathParam("id") String id) {
        return servers.find(callers.get(), id, InterfacePolicies.CREATE)
                .map(s -> {
                    throw new InvalidInput(UNSUPPORTED);
                });
    }

    @DELETE
    @Path("{portId}")
    public Uni<Response> detach(@PathParam("id") String id, @PathParam("portId") String portId) {
        return servers.find(callers.get(), id, InterfacePolicies.DELETE)
                .map(s -> {
                    throw new InvalidInput(UNSUPPORTED);
                });
    }
}
