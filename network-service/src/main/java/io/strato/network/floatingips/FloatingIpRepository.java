package io.strato.network.floatingips;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class FloatingIpRepository implements PanacheRepositoryBase<FloatingIp, UUID> {
}
