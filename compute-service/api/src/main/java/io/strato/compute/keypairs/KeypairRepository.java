package io.strato.compute.keypairs;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class KeypairRepository implements PanacheRepositoryBase<Keypair, Keypair.Key> {
}
