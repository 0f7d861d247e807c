package io.strato.volume.backend;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The GiB each backend's volumes and snapshots are provisioned with (what get_pools reports as allocated). */
@ApplicationScoped
public class ProvisionedSizes {
    private static final String PROVISIONED = "select backend, cast(sum(size) as bigint) from ("
            + "select backend, size from volume union all select backend, size from snapshot) s group by backend";

    /** GiB by backend name; a backend without volumes is absent. Blocks: call it on a worker thread. */
    public Map<String, Long> byBackend() {
        try {
            List<Object> rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                    () -> Panache.getSession().chain(s -> s.createNativeQuery(PROVISIONED).getResultList())));
            Map<String, Long> m = new HashMap<>();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                m.put((String) r[0], ((Number) r[1]).longValue());
            }
            return m;
        } catch (Throwable e) {
            throw new IllegalStateException("could not sum the provisioned sizes", e);
        }
    }
}
