package io.strato.compute.servergroups;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ServerGroupRepository implements PanacheRepositoryBase<ServerGroup, UUID> {
}
