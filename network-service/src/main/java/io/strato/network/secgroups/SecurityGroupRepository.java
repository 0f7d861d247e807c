package io.strato.network.secgroups;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SecurityGroupRepository implements PanacheRepositoryBase<SecurityGroup, UUID> {
}
