package io.strato.network.ports;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PortRepository implements PanacheRepositoryBase<Port, UUID> {
}
