package io.strato.identity.credentials;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CredentialRepository implements PanacheRepositoryBase<Credential, String> {
}
