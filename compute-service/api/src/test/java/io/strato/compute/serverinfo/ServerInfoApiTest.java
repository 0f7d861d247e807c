package io.strato.compute.serverinfo;

import static io.strato.compute.catalog.CatalogApi.admin;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static io.strato.compute.catalog.CatalogApi.reader;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.catalog.CatalogRows;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * os-server-password, os-virtual-interfaces and diagnostics: Nova's answers on a Neutron cloud whose guests post no
 * password and whose agents cannot be asked for domain statistics.
 */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
class ServerInfoApiTest {
    @Inject
    DataSource db;

    @Test
    void thePasswordIsEmptyAndClearing204() {
        String project = newProject();
        UUID server = new CatalogRows(db).server(project, 1, 512, "active", null);
        as(member(project)).get("/v2.1/servers/{id}/os-server-password", server).then().statusCode(200)
                .body("password", equalTo(""));
        as(member(project)).delete("/v2.1/servers/{id}/os-server-password", server).then().statusCode(204);
        // readers may read, not clear
        as(reader(project)).get("/v2.1/servers/{id}/os-server-password", server).then().statusCode(200);
        as(reader(project)).delete("/v2.1/servers/{id}/os-server-password", server).then().statusCode(403);
        // another project's or no server: 404
        as(member(newProject())).get("/v2.1/servers/{id}/os-server-password", server).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Instance " + server + " could not be found."));
        as(member(project)).get("/v2.1/servers/{id}/os-server-password", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void virtualInterfacesAreNovaNetworksOnly() {
        String project = newProject();
        UUID server = new CatalogRows(db).server(project, 1, 512, "active", null);
        as(member(project)).get("/v2.1/servers/{id}/os-virtual-interfaces", server).then().statusCode(400)
                .body("badRequest.message", equalTo("Listing virtual interfaces is not supported by this cloud."));
        as(member(project)).get("/v2.1/servers/{id}/os-virtual-interfaces", UUID.randomUUID()).then().statusCode(404);
        as(member(newProject())).get("/v2.1/servers/{id}/os-virtual-interfaces", server).then().statusCode(404);
        as(member(project), 44).get("/v2.1/servers/{id}/os-virtual-interfaces", server).then().statusCode(404);
    }

    @Test
    void diagnosticsAreNotImplementedByTheAgents() {
        String project = newProject();
        String host = "diag-" + project;
        new CatalogRows(db).host(host, "nova", 4, 4096, 40, java.time.Instant.now());
        UUID placed = new CatalogRows(db).server(project, 1, 512, "active", host);
        UUID unplaced = new CatalogRows(db).server(project, 1, 512, "building", null);
        as(admin()).get("/v2.1/servers/{id}/diagnostics", placed).then().statusCode(501)
                .body("notImplemented.code", equalTo(501))
                .body("notImplemented.message", equalTo("The requested functionality is not supported."));
        as(admin(), 48).get("/v2.1/servers/{id}/diagnostics", placed).then().statusCode(501);
        as(admin()).get("/v2.1/servers/{id}/diagnostics", unplaced).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Instance " + unplaced + " is not ready"));
        as(member(project)).get("/v2.1/servers/{id}/diagnostics", placed).then().statusCode(403);
        as(admin()).get("/v2.1/servers/{id}/diagnostics", UUID.randomUUID()).then().statusCode(404);
    }
}
