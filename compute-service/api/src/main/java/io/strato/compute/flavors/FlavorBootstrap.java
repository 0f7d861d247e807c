package io.strato.compute.flavors;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates DevStack's default flavors at start-up (ids "1" to "5"). Idempotent and safe when instances start
 * together: each row is inserted with {@code ON CONFLICT DO NOTHING}, so a flavor that exists (by id or by
 * name) is left as it is, including an admin's changes to it.
 */
@ApplicationScoped
public class FlavorBootstrap {
    private static final Logger LOG = Logger.getLogger(FlavorBootstrap.class);

    /** id, name, RAM (MB), vCPUs, root disk (GB). */
    record Default(String id, String name, int ram, int vcpus, int disk) {
    }

    static final List<Default> DEFAULTS = List.of(
            new Default("1", "m1.tiny", 512, 1, 1),
            new Default("2", "m1.small", 2048, 1, 20),
            new Default("3", "m1.medium", 4096, 2, 40),
            new Default("4", "m1.large", 8192, 4, 80),
            new Default("5", "m1.xlarge", 16384, 8, 160));

    private final boolean enabled;

    public FlavorBootstrap(@ConfigProperty(name = "strato.compute.bootstrap-flavors", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent ev) throws Throwable {
        if (!enabled) {
            return;
        }
        int created = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::ensure));
        if (created > 0) {
            LOG.infof("bootstrap: created %d default flavor(s)", created);
        }
    }

    /** Inserts the default flavors that are missing; how many it inserted. */
    Uni<Integer> ensure() {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (Default d : DEFAULTS) {
            chain = chain.flatMap(n -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                            "INSERT INTO flavor (id, name, memory_mb, vcpus, root_gb) VALUES (:id, :name, :ram, :vcpus, :disk) "
                                    + "ON CONFLICT DO NOTHING")
                    .setParameter("id", d.id()).setParameter("name", d.name()).setParameter("ram", d.ram())
                    .setParameter("vcpus", d.vcpus()).setParameter("disk", d.disk())
                    .executeUpdate()).map(inserted -> n + inserted));
        }
        return chain;
    }
}
