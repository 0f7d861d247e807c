package io.strato.network.subnetpools;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SubnetPoolRepository implements PanacheRepositoryBase<SubnetPool, UUID> {
}
