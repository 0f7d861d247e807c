package io.strato.compute.flavors;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FlavorRepository implements PanacheRepositoryBase<Flavor, String> {
}
