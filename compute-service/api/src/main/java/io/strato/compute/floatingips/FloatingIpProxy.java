package io.strato.compute.floatingips;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.FloatingIps;
import io.strato.compute.clients.Refusals;
import io.strato.compute.clients.RemoteFailure;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Nova's floating IP proxy over network-service (nova/network/neutron.py's floating IP calls), with the caller's
 * token. A pool is an external network, named or given by id; without one, {@code strato.compute.default-floating-pool}
 * (Nova's {@code [neutron] default_floating_pool}).
 */
@ApplicationScoped
public class FloatingIpProxy {
    private final FloatingIps floatingIps;
    private final String defaultPool;

    FloatingIpProxy(FloatingIps floatingIps,
                    @ConfigProperty(name = "strato.compute.default-floating-pool", defaultValue = "public") String defaultPool) {
        this.floatingIps = floatingIps;
        this.defaultPool = defaultPool;
    }

    public Uni<List<FloatingIpView>> list(String projectId, String token) {
        return floatingIps.ofProject(projectId, token).chain(fips -> pools(token).map(pools -> {
            List<FloatingIpView> out = new ArrayList<>();
            fips.forEach(f -> out.add(FloatingIpView.of(f, pools)));
            return out;
        })).onFailure(RemoteFailure.class).transform(Refusals.nova(f -> null));
    }

    public Uni<FloatingIpView> show(String id, String token) {
        return find(id, token).chain(f -> pools(token).map(pools -> FloatingIpView.of(f, pools)));
    }

    /** Allocates a floating IP from the pool (Nova's 404s for an unknown or exhausted pool, 403 over quota). */
    public Uni<FloatingIpView> allocate(String pool, String token) {
        String name = pool == null ? defaultPool : pool;
        return externalNetworks(token).chain(nets -> {
            boolean byId = Ids.parse(name).isPresent();
            List<String> ids = nets.entrySet().stream()
                    .filter(e -> byId ? e.getKey().equals(name) : name.equals(e.getValue()))
                    .map(Map.Entry::getKey).toList();
            if (ids.isEmpty()) {
                throw new NotFound("Floating IP pool not found.");
            }
            if (ids.size() > 1) {
                throw new Conflict("Multiple floating IP pools matches found for name '" + name + "'");
            }
            return floatingIps.allocate(ids.get(0), token).onFailure(RemoteFailure.class)
                    .transform(Refusals.nova(f -> switch (f.status()) {
                        case 409 -> f.getMessage().toLowerCase().contains("quota")
                                ? new Forbidden("IP allocation over quota in pool " + name + ".")
                                : new NotFound("No more floating IPs in pool " + name + ".");
                        case 404 -> new NotFound("Floating IP pool not found.");
                        case 400 -> new InvalidInput(f.getMessage());
                        case 403 -> new Forbidden(f.getMessage());
                        default -> null;
                    })).map(f -> FloatingIpView.of(f, namesOf(nets)));
        });
    }

    /** Releases the floating IP (taken off its server first by network-service). */
    public Uni<Void> release(String id, String token) {
        return find(id, token).chain(f -> floatingIps.release(f.path("id").asText(), token))
                .onFailure(RemoteFailure.class).transform(Refusals.nova(f -> switch (f.status()) {
                    case 404 -> notFound(id);
                    case 403 -> new Forbidden(f.getMessage());
                    default -> null;
                }));
    }

    /** The pools: the external networks' names (their ids when unnamed). */
    public Uni<List<FloatingIpView.Pool>> poolList(String token) {
        return externalNetworks(token).map(nets -> namesOf(nets).values().stream().map(FloatingIpView.Pool::new).toList());
    }

    private Uni<JsonNode> find(String id, String token) {
        return floatingIps.show(id, token).onFailure(RemoteFailure.class)
                .transform(Refusals.nova(f -> f.status() == 404 ? notFound(id) : null));
    }

    private Uni<Map<String, String>> pools(String token) {
        return externalNetworks(token).map(FloatingIpProxy::namesOf);
    }

    /** External networks by id, with their names (null when unnamed). */
    private Uni<Map<String, String>> externalNetworks(String token) {
        return floatingIps.pools(null, token).onFailure(RemoteFailure.class).transform(Refusals.nova(f -> null)).map(list -> {
            Map<String, String> nets = new LinkedHashMap<>();
            list.forEach(n -> nets.put(n.path("id").asText(), n.path("name").asText(null)));
            return nets;
        });
    }

    private static Map<String, String> namesOf(Map<String, String> nets) {
        Map<String, String> names = new LinkedHashMap<>();
        nets.forEach((id, name) -> names.put(id, name == null || name.isEmpty() ? id : name));
        return names;
    }

    private static NotFound notFound(String id) {
        return new NotFound("Floating IP not found for ID " + id);
    }
}
