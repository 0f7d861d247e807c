package io.strato.network.subnets;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubnetRepository implements PanacheRepositoryBase<Subnet, UUID> {

    /** A network's subnets, oldest first (the order a port's default addresses are chosen in). */
    public Uni<List<Subnet>> ofNetwork(UUID networkId) {
        return list("networkId = ?1 ORDER BY createdAt, id", networkId);
    }
}
