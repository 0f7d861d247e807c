package io.strato.network.agents;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<NetworkAgent, UUID> {
}
