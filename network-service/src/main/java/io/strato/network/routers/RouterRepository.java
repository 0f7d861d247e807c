package io.strato.network.routers;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class RouterRepository implements PanacheRepositoryBase<Router, UUID> {
}
