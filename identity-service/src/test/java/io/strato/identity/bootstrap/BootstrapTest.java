package io.strato.identity.bootstrap;

import static io.strato.kit.testing.ErrorFaults.fault;
import static io.strato.identity.support.Keystone.ADMIN_PASSWORD;
import static io.strato.identity.support.Keystone.passwordAuth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.strato.kit.testing.StratoInfraResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Bootstrap ran at start-up (the test profile sets the admin password); running it again changes nothing. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class BootstrapTest {
    private static final List<String> TABLES = List.of("domain", "role", "implied_role", "project", "identity_user",
            "role_assignment", "region", "catalog_service", "endpoint");

    @Inject
    Bootstrap bootstrap;
    @Inject
    AgroalDataSource db;

    @Test
    void secondRunChangesNothing() throws Throwable {
        Map<String, Long> before = counts();
        BootstrapReport report = VertxContextSupport.subscribeAndAwait(bootstrap::run);
        assertTrue(report.unchanged(), "changes on a re-run: " + report.changes());
        assertEquals(before, counts());
        assertEquals(1, scalar("select count(*) from domain where id = 'default' and name = 'Default'"));
        assertEquals(2, scalar("select count(*) from implied_role i join role p on p.id = i.prior_role_id"
                + " join role r on r.id = i.implied_role_id where (p.name, r.name) in (('admin','member'),('member','reader'))"));
        assertEquals(1, scalar("select count(*) from role_assignment a join identity_user u on u.id = a.actor_id"
                + " join role r on r.id = a.role_id where u.name = 'admin' and r.name = 'admin'"
                + " and a.target_type = 'system' and a.target_id = 'all'"));
        assertEquals(1, scalar("select count(*) from role_assignment a join identity_user u on u.id = a.actor_id"
                + " join project p on p.id = a.target_id where u.name = 'admin' and p.name = 'admin'"
                + " and a.target_type = 'project'"));
    }

    @Test
    void concurrentRunsRecreateAMissingServiceOnce() throws Throwable {
        exec("delete from catalog_service where type = 'image'");
        CompletableFuture<BootstrapReport> a = CompletableFuture.supplyAsync(this::runQuietly);
        CompletableFuture<BootstrapReport> b = CompletableFuture.supplyAsync(this::runQuietly);
        List<String> changes = new java.util.ArrayList<>(a.get().changes());
        changes.addAll(b.get().changes());
        assertEquals(1, changes.stream().filter(c -> c.startsWith("created service glance")).count(), changes.toString());
        assertEquals(1, scalar("select count(*) from catalog_service where type = 'image'"));
        assertEquals(3, scalar("select count(*) from endpoint e join catalog_service s on s.id = e.service_id"
                + " where s.type = 'image'"));
    }

    @Test
    void aChangedAdminPasswordHashIsReset() throws Throwable {
        String other = at.favre.lib.crypto.bcrypt.BCrypt.withDefaults().hashToString(4, "not-the-password".toCharArray());
        exec("update identity_user set password_hash = '" + other + "' where name = 'admin' and domain_id = 'default'");
        passwordAuth("admin", ADMIN_PASSWORD, "admin").then().spec(fault(401));
        BootstrapReport report = VertxContextSupport.subscribeAndAwait(bootstrap::run);
        assertEquals(List.of("re-set the password of user admin"), report.changes());
        Thread.sleep(5); // tokens issued in the revocation's millisecond are refused
        passwordAuth("admin", ADMIN_PASSWORD, "admin").then().statusCode(201);
    }

    private BootstrapReport runQuietly() {
        try {
            return VertxContextSupport.subscribeAndAwait(bootstrap::run);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private Map<String, Long> counts() throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String t : TABLES) {
            m.put(t, scalar("select count(*) from " + t));
        }
        return m;
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
