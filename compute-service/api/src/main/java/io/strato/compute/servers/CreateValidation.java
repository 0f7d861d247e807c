package io.strato.compute.servers;

import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.Images;
import io.strato.compute.clients.Networks;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.compute.protocol.Commands;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a server create asks of other services, checked with the caller's own token before anything is
 * stored: the image (visible, active, fitting the flavor), the networks and ports (visible, ports free),
 * the security groups (existing for the project). Nova's answers and messages.
 */
@ApplicationScoped
public class CreateValidation {
    private static final long GIB = 1024L * 1024 * 1024;

    private final Images images;
    private final Networks networks;
    private final Policy policy;

    CreateValidation(Images images, Networks networks, Policy policy) {
        this.images = images;
        this.networks = networks;
        this.policy = policy;
    }

    /** The checked pieces of a create. */
    public record Checked(Images.ImageInfo image, List<Server.RequestedNetwork> networks,
                          List<Server.SecurityGroup> securityGroups) {
    }

    public Uni<Checked> check(Caller caller, String token, CreateRequest req, Commands.Flavor flavor) {
        if (req.maxCount() > 1 && req.networks() != null
                && req.networks().stream().anyMatch(n -> n.portId() != null || n.fixedIp() != null)) {
            throw new InvalidInput(req.networks().stream().anyMatch(n -> n.portId() != null)
                    ? "Unable to launch multiple instances with a single configured port ID. Please launch your instance one by one with different ports."
                    : "max_count cannot be greater than 1 if an fixed_ip is specified.");
        }
        Uni<Images.ImageInfo> image = images.get(req.imageId(), token).invoke(i -> fits(i, flavor));
        Uni<List<Server.RequestedNetwork>> nets = networks(caller, token, req.networks(), req.autoAllocate());
        Uni<List<Server.SecurityGroup>> groups = securityGroups(caller, token, req.securityGroups());
        return Uni.combine().all().unis(image, nets, groups).asTuple()
                .map(t -> new Checked(t.getItem1(), t.getItem2(), t.getItem3()));
    }

    /** Nova's flavor/image checks (nova/compute/api.py _validate_flavor_image_nostatus). */
    static void fits(Images.ImageInfo image, Commands.Flavor flavor) {
        if (!image.active()) {
            throw new InvalidInput("Image " + image.id() + " is not active.");
        }
        if (image.minRamMb() > flavor.memoryMb()) {
            throw new InvalidInput("Flavor's memory is too small for requested image.");
        }
        long disk = flavor.rootGb() * GIB;
        if (disk == 0) {
            return;
        }
        if (image.size() > disk) {
            throw new InvalidInput("Flavor's disk is too small for requested image. Flavor disk is " + disk
                    + " bytes, image is " + image.size() + " bytes.");
        }
        if (image.minDiskGb() * GIB > disk) {
            throw new InvalidInput("Flavor's disk is too small for requested image. Flavor disk is " + disk
                    + " bytes, minimum required by image is " + image.minDiskGb() * GIB + " bytes.");
        }
    }

    private Uni<List<Server.RequestedNetwork>> networks(Caller caller, String token, List<Server.RequestedNetwork> requested,
                                                        boolean autoAllocate) {
        boolean admin = NovaBaseRules.isAdmin(policy, caller);
        if (requested == null) {
            return networks.available(caller.projectId(), token).map(found -> {
                if (found.size() > 1) {
                    throw new Conflict("Multiple possible networks found, use a Network ID to be more specific.");
                }
                if (found.isEmpty() && autoAllocate) {
                    // Nova would ask Neutron for an auto-allocated topology; Strato's network-service has none
                    throw new InvalidInput("Unable to automatically allocate a network for project " + caller.projectId());
                }
                return found.stream().map(n -> new Server.RequestedNetwork(n.id(), null, null)).toList();
            });
        }
        Map<UUID, Uni<Networks.NetworkInfo>> seen = new HashMap<>();
        List<Uni<Server.RequestedNetwork>> checks = new ArrayList<>();
        for (Server.RequestedNetwork n : requested) {
            if (n.portId() != null) {
                checks.add(networks.port(n.portId(), token).map(p -> {
                    if (p.deviceId() != null && !p.deviceId().isEmpty()) {
                        throw new Conflict("Port " + p.id() + " is still in use.");
                    }
                    return n;
                }));
            } else {
                Uni<Networks.NetworkInfo> net = seen.computeIfAbsent(n.networkId(),
                        id -> networks.network(id, token).memoize().indefinitely());
                checks.add(net.map(info -> {
                    if (info.external() && !info.shared() && !admin) {
                        throw new Forbidden("It is not allowed to create an interface on external network " + info.id());
                    }
                    return n;
                }));
            }
        }
        if (checks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(checks).andFailFast();
    }

    private Uni<List<Server.SecurityGroup>> securityGroups(Caller caller, String token, List<String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(List.of(new Server.SecurityGroup("default", null)));
        }
        List<Uni<Server.SecurityGroup>> found = names.stream()
                .map(n -> networks.securityGroup(n, caller.projectId(), token)
                        .map(g -> new Server.SecurityGroup(g.name(), g.id())))
                .toList();
        return Uni.join().all(found).andFailFast();
    }
}
