package io.strato.identity.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EndpointGroupRepository implements PanacheRepositoryBase<EndpointGroup, String> {
}
