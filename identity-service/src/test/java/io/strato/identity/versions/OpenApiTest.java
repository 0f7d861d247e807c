package io.strato.identity.versions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import org.junit.jupiter.api.Test;

/** /q/openapi describes the typed bodies: a client generator sees a token's, a catalog's and an assignment's fields. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class OpenApiTest {

    @Test
    void theTokenBodyIsPublishedWithItsFields() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.TokenBody.properties.token.$ref", endsWith("/Token"))
                .body("components.schemas.Token.properties.keySet()", hasItems("methods", "user", "audit_ids",
                        "expires_at", "issued_at", "project", "is_domain", "domain", "system", "roles", "catalog",
                        "application_credential"))
                .body("components.schemas.TokenUser.properties.keySet()", hasItems("id", "name", "domain",
                        "password_expires_at"))
                .body("components.schemas.Token.properties.catalog.items.$ref", endsWith("/CatalogEntry"))
                .body("components.schemas.CatalogEndpoint.properties.keySet()", hasItems("id", "interface", "region",
                        "region_id", "url"))
                .body("components.schemas.CatalogEndpoint.properties.keySet()", not(hasItem("iface")))
                .body("paths.'/v3/auth/tokens'.post.responses.'201'.content.'application/json'.schema.$ref",
                        endsWith("/TokenBody"))
                .body("paths.'/v3/auth/tokens'.post.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/AuthBody"))
                .body("components.schemas.AuthIdentity.properties.keySet()", hasItems("methods", "password", "token",
                        "application_credential"))
                .body("paths.'/v3/auth/catalog'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/AuthCatalog"));
    }

    @Test
    void roleAssignmentsAndCreatedResourcesArePublishedWithTheirFields() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.RoleAssignmentList.properties.keySet()", hasItems("role_assignments", "links"))
                .body("components.schemas.RoleAssignment.properties.keySet()", hasItems("role", "user", "group",
                        "scope", "links"))
                .body("components.schemas.RoleAssignmentScope.properties.keySet()", hasItems("project", "domain",
                        "system"))
                .body("components.schemas.RoleAssignmentLinks.properties.keySet()", hasItems("assignment",
                        "membership", "prior_role"))
                .body("paths.'/v3/projects'.post.responses.'201'.content.'application/json'.schema.$ref",
                        endsWith("/ProjectOne"))
                .body("components.schemas.ProjectOne.properties.project.$ref", endsWith("/ProjectView"))
                .body("components.schemas.ProjectView.properties.keySet()", hasItems("domain_id", "parent_id",
                        "is_domain"))
                .body("components.schemas.IdentityVersion.properties.keySet()", hasItems("id", "status", "updated",
                        "links", "media-types"));
    }
}
