package io.strato.volume.services;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
public class ServiceStateRepository implements PanacheRepositoryBase<ServiceState, UUID> {

    /** The row of a service, locked, or null when no admin changed it yet. */
    public Uni<ServiceState> locked(String host, String binary) {
        return find("host = ?1 and binary = ?2", host, binary).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
