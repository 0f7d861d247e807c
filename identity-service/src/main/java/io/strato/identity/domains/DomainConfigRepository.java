package io.strato.identity.domains;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DomainConfigRepository implements PanacheRepositoryBase<DomainConfig, String> {
}
