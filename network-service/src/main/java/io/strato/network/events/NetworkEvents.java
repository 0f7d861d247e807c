package io.strato.network.events;

import io.smallrye.mutiny.Uni;
import io.strato.kit.data.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What network-service tells the cloud, through the outbox (inside the write's transaction):
 * {@code strato.network.<kind>.<action>.v1} on topic {@code strato.network}, with the resource's Neutron
 * JSON as data. Kinds: network, subnet, subnetpool, port, security_group, security_group_rule, router, floatingip.
 */
@ApplicationScoped
public class NetworkEvents {
    public static final String TOPIC = "strato.network";

    private final Outbox outbox;

    public NetworkEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * @param kind   network, subnet, subnetpool, port, security_group, security_group_rule, router, floatingip
     * @param action created, updated, deleted, bound (ports), associated/disassociated (floating IPs)...
     * @param data   the resource's view as an admin sees it (a view record), or what a deleted row still tells
     */
    public Uni<Void> publish(String kind, String action, UUID id, Object data) {
        return outbox.add(TOPIC, "strato.network." + kind + "." + action + ".v1", id.toString(), data);
    }
}
