package io.strato.network.networks;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class NetworkRepository implements PanacheRepositoryBase<Network, UUID> {
}
