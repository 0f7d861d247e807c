package io.strato.identity.policies;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PolicyDocumentRepository implements PanacheRepositoryBase<PolicyDocument, String> {
}
