package io.strato.identity.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

@ApplicationScoped
public class EndpointRepository implements PanacheRepositoryBase<Endpoint, String> {

    public Uni<Long> countInRegions(Collection<String> regionIds) {
        return count("regionId in ?1", regionIds);
    }

    public Uni<Endpoint> findOne(String serviceId, String iface, String regionId) {
        return regionId == null
                ? find("serviceId = ?1 and iface = ?2 and regionId is null", serviceId, iface).firstResult()
                : find("serviceId = ?1 and iface = ?2 and regionId = ?3", serviceId, iface, regionId).firstResult();
    }
}
