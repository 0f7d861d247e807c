package io.strato.identity.oauth1;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ConsumerRepository implements PanacheRepositoryBase<Consumer, String> {
}
