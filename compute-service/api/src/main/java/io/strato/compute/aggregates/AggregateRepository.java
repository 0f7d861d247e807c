package io.strato.compute.aggregates;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AggregateRepository implements PanacheRepositoryBase<Aggregate, Integer> {
}
