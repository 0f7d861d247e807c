package io.strato.identity.bootstrap;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.strato.identity.catalog.CatalogBuilder;
import io.strato.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * {@code keystone-manage bootstrap} at start-up: when {@code strato.identity.bootstrap.admin-password} is
 * set, makes sure the Default domain, the default roles, the admin project and user (with the admin role
 * on the project and on the system) and the catalog of the gateway's services exist.
 *
 * <p>Idempotent: a second run changes nothing, except the admin password hash when the configured
 * password changed. All of it runs in one transaction that first takes a PostgreSQL advisory lock, so
 * instances starting together run it one after the other and the later ones find everything in place.
 */
@ApplicationScoped
public class Bootstrap {
    private static final Logger LOG = Logger.getLogger(Bootstrap.class);
    /** Serialises bootstrap runs across instances; released when the transaction ends. */
    private static final String LOCK = "select count(*) from (select pg_advisory_xact_lock(hashtext('strato.identity.bootstrap'))) l";

    private final IdentityConfig config;
    private final BootstrapIdentity identity;
    private final BootstrapCatalog catalog;
    private final CatalogBuilder catalogCache;

    public Bootstrap(IdentityConfig config, BootstrapIdentity identity, BootstrapCatalog catalog,
                     CatalogBuilder catalogCache) {
        this.config = config;
        this.identity = identity;
        this.catalog = catalog;
        this.catalogCache = catalogCache;
    }

    void onStart(@Observes StartupEvent ev) throws Throwable {
        if (config.bootstrap().adminPassword().isEmpty()) {
            LOG.info("bootstrap skipped: strato.identity.bootstrap.admin-password is not set");
            return;
        }
        BootstrapReport report = VertxContextSupport.subscribeAndAwait(this::run);
        if (report.unchanged()) {
            LOG.info("bootstrap: everything already in place");
        } else {
            report.changes().forEach(c -> LOG.infof("bootstrap: %s", c));
        }
    }

    /** Runs bootstrap with the configured settings; fails when no admin password is configured. */
    public Uni<BootstrapReport> run() {
        IdentityConfig.Bootstrap b = config.bootstrap();
        String password = b.adminPassword().orElseThrow(
                () -> new IllegalStateException("strato.identity.bootstrap.admin-password is not set"));
        BootstrapReport report = new BootstrapReport();
        return Panache.withTransaction(() -> Panache.getSession()
                        .flatMap(s -> s.createNativeQuery(LOCK).getSingleResult())
                        .chain(() -> identity.ensure(b.adminUser(), b.adminProject(), password, report))
                        .chain(() -> catalog.ensure(b.region(), config.gatewayUrl(), report)))
                .invoke(catalogCache::invalidate)
                .replaceWith(report);
    }
}
