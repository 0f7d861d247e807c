package io.strato.identity.tokens;

import static io.restassured.RestAssured.given;
import static io.strato.kit.testing.ErrorFaults.fault;
import static io.strato.identity.support.Keystone.ADMIN_PASSWORD;
import static io.strato.identity.support.Keystone.adminToken;
import static io.strato.identity.support.Keystone.passwordAuth;
import static io.strato.identity.support.Keystone.projectWithUser;
import static io.strato.identity.support.Keystone.unique;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.strato.kit.testing.StratoInfraResource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Token issue, validate and revoke for each method and scope, as the openstack client drives them. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class TokenFlowTest {

    @Test
    void passwordTokenScopedToProjectByNameHasKeystoneBody() {
        Response r = passwordAuth("admin", ADMIN_PASSWORD, "admin");
        r.then().statusCode(201)
                .header("X-Subject-Token", notNullValue())
                .header("x-openstack-request-id", notNullValue())
                .body("token.methods", equalTo(List.of("password")))
                .body("token.user.name", equalTo("admin"))
                .body("token.user.domain.id", equalTo("default"))
                .body("token.project.name", equalTo("admin"))
                .body("token.project.domain.name", equalTo("Default"))
                .body("token.roles.name", hasItems("admin", "member", "reader"))
                .body("token.catalog.type", hasItem("identity"))
                .body("token.audit_ids", hasSize(1))
                .body("token.expires_at", notNullValue())
                .body("token.issued_at", notNullValue());
    }

    @Test
    void projectScopeByIdDomainScopeSystemScopeAndUnscoped() {
        String admin = adminToken();
        String projectId = given().header("X-Auth-Token", admin).queryParam("name", "admin").get("/v3/projects")
                .then().statusCode(200).extract().path("projects[0].id");
        auth("{\"methods\":[\"password\"],\"password\":" + adminPassword() + "}", "{\"project\":{\"id\":\"" + projectId + "\"}}")
                .then().statusCode(201).body("token.project.id", equalTo(projectId));
        auth("{\"methods\":[\"password\"],\"password\":" + adminPassword() + "}", "{\"system\":{\"all\":true}}")
                .then().statusCode(201).body("token.system.all", equalTo(true))
                .body("token.roles.name", hasItem("admin")).body("token.project", nullValue());
        auth("{\"methods\":[\"password\"],\"password\":" + adminPassword() + "}", "\"unscoped\"")
                .then().statusCode(201).body("token.project", nullValue()).body("token.roles", nullValue())
                .body("token.catalog", nullValue());
        // admin holds no role on the Default domain: a domain-scoped token is refused
        auth("{\"methods\":[\"password\"],\"password\":" + adminPassword() + "}", "{\"domain\":{\"id\":\"default\"}}")
                .then().spec(fault(401));
    }

    @Test
    void domainScopedTokenForADomainAdmin() {
        String admin = adminToken();
        String user = unique("dadmin");
        String uid = given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"user\":{\"name\":\"" + user + "\",\"domain_id\":\"default\",\"password\":\"pw\"}}")
                .post("/v3/users").then().statusCode(201).extract().path("user.id");
        String rid = given().header("X-Auth-Token", admin).queryParam("name", "reader").get("/v3/roles")
                .then().extract().path("roles[0].id");
        given().header("X-Auth-Token", admin).put("/v3/domains/default/users/" + uid + "/roles/" + rid).then().statusCode(204);
        auth("{\"methods\":[\"password\"],\"password\":{\"user\":{\"id\":\"" + uid + "\",\"password\":\"pw\"}}}",
                "{\"domain\":{\"name\":\"Default\"}}")
                .then().statusCode(201).body("token.domain.id", equalTo("default"))
                .body("token.roles.name", equalTo(List.of("reader")));
    }

    @Test
    void tokenMethodRescopesAndKeepsTheAuditChainAndExpiry() {
        Response unscoped = auth("{\"methods\":[\"password\"],\"password\":" + adminPassword() + "}", "\"unscoped\"");
        unscoped.then().statusCode(201);
        String t0 = unscoped.header("X-Subject-Token");
        String audit0 = unscoped.path("token.audit_ids[0]");
        Response rescoped = auth("{\"methods\":[\"token\"],\"token\":{\"id\":\"" + t0 + "\"}}",
                "{\"project\":{\"name\":\"admin\",\"domain\":{\"id\":\"default\"}}}");
        rescoped.then().statusCode(201)
                .body("token.methods", equalTo(List.of("password", "token")))
                .body("token.project.name", equalTo("admin"))
                .body("token.audit_ids", hasSize(2))
                .body("token.audit_ids[1]", equalTo(audit0))
                .body("token.expires_at", equalTo(unscoped.path("token.expires_at")));
        assertNotEquals(t0, rescoped.header("X-Subject-Token"));
    }

    /** The keys of each kind of token body, as the openstack client and keystoneauth read them: present, null or not. */
    @Test
    void tokenBodiesCarryKeystonesKeysPerScope() {
        Set<String> always = Set.of("methods", "user", "audit_ids", "expires_at", "issued_at");
        Response project = passwordAuth("admin", ADMIN_PASSWORD, "admin");
        project.then().statusCode(201)
                .body("token.keySet()", equalTo(union(always, "project", "is_domain", "roles", "catalog")))
                .body("token.is_domain", equalTo(false))
                .body("token.user.keySet()", equalTo(Set.of("id", "name", "domain", "password_expires_at")))
                .body("token.user.password_expires_at", nullValue())
                .body("token.user.domain.keySet()", equalTo(Set.of("id", "name")))
                .body("token.project.keySet()", equalTo(Set.of("id", "name", "domain")))
                .body("token.project.domain.keySet()", equalTo(Set.of("id", "name")))
                .body("token.roles[0].keySet()", equalTo(Set.of("id", "name")))
                .body("token.catalog[0].keySet()", equalTo(Set.of("type", "name", "id", "endpoints")))
                .body("token.catalog[0].endpoints[0].keySet()",
                        equalTo(Set.of("id", "interface", "region", "region_id", "url")));
        auth("{\"methods\":[\"password\"],\"password\":" + adminPassword() + "}", "{\"system\":{\"all\":true}}")
                .then().statusCode(201)
                .body("token.keySet()", equalTo(union(always, "system", "roles", "catalog")))
                .body("token.system.keySet()", equalTo(Set.of("all")));
        auth("{\"methods\":[\"password\"],\"password\":" + adminPassword() + "}", "\"unscoped\"")
                .then().statusCode(201).body("token.keySet()", equalTo(always));
        String admin = project.header("X-Subject-Token");
        given().header("X-Auth-Token", admin).header("X-Subject-Token", admin).queryParam("nocatalog", "1")
                .get("/v3/auth/tokens").then().statusCode(200)
                .body("token.keySet()", equalTo(union(always, "project", "is_domain", "roles")));
        given().header("X-Auth-Token", admin).get("/v3/auth/catalog").then().statusCode(200)
                .body("keySet()", equalTo(Set.of("catalog", "links")))
                .body("links.keySet()", equalTo(Set.of("self", "previous", "next")))
                .body("catalog[0].endpoints[0].keySet()", equalTo(Set.of("id", "interface", "region", "region_id", "url")));
        given().header("X-Auth-Token", admin).get("/v3/auth/system").then().statusCode(200)
                .body("keySet()", equalTo(Set.of("system", "links")))
                .body("system", equalTo(List.of(Map.of("all", true))));
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    /** Tempest's test_validate_token compares the create answer with the validation's, times included. */
    @Test
    void validationShowsTheTimesTheCreateAnswerShowed() {
        var created = auth("{\"methods\":[\"password\"],\"password\":" + adminPassword() + "}",
                "{\"project\":{\"name\":\"admin\",\"domain\":{\"id\":\"default\"}}}");
        created.then().statusCode(201);
        String token = created.header("X-Subject-Token");
        var validated = given().header("X-Auth-Token", token).header("X-Subject-Token", token)
                .get("/v3/auth/tokens").then().statusCode(200).extract();
        assertEquals((String) created.path("token.issued_at"), validated.path("token.issued_at"));
        assertEquals((String) created.path("token.expires_at"), validated.path("token.expires_at"));
    }

    @Test
    void validateCheckAndRevoke() {
        String admin = adminToken();
        String subject = adminToken();
        given().header("X-Auth-Token", admin).header("X-Subject-Token", subject).get("/v3/auth/tokens")
                .then().statusCode(200).header("X-Subject-Token", equalTo(subject))
                .body("token.user.name", equalTo("admin")).body("token.catalog", not(hasSize(0)));
        given().header("X-Auth-Token", admin).header("X-Subject-Token", subject).queryParam("nocatalog", "1")
                .get("/v3/auth/tokens").then().statusCode(200).body("token.catalog", nullValue());
        given().header("X-Auth-Token", admin).header("X-Subject-Token", subject).head("/v3/auth/tokens")
                .then().statusCode(200);
        given().header("X-Auth-Token", admin).header("X-Subject-Token", subject).delete("/v3/auth/tokens")
                .then().statusCode(204);
        given().header("X-Auth-Token", admin).header("X-Subject-Token", subject).get("/v3/auth/tokens")
                .then().spec(fault(404));
        // the revoked token is refused as a credential, for requests and for the token method
        given().header("X-Auth-Token", subject).get("/v3/projects").then().spec(fault(401));
        auth("{\"methods\":[\"token\"],\"token\":{\"id\":\"" + subject + "\"}}", "\"unscoped\"").then().spec(fault(401));
        // the other token is untouched
        given().header("X-Auth-Token", admin).get("/v3/projects").then().statusCode(200);
    }

    @Test
    void badCredentialsAreOne401WithoutTellingWhichPartWasWrong() {
        String wrongPassword = passwordAuth("admin", "not-the-password", "admin").then().spec(fault(401))
                .body("error.title", equalTo("Unauthorized")).extract().path("error.message");
        String unknownUser = passwordAuth(unique("nobody"), "x", "admin").then().spec(fault(401))
                .extract().path("error.message");
        org.junit.jupiter.api.Assertions.assertEquals(wrongPassword, unknownUser);
    }

    @Test
    void disabledUserAndItsTokensAreRefused() {
        String admin = adminToken();
        String p = unique("proj");
        String u = unique("user");
        String[] ids = projectWithUser(admin, p, u, "pw-1", "member");
        String userToken = passwordAuth(u, "pw-1", p).then().statusCode(201).extract().header("X-Subject-Token");
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON).body("{\"user\":{\"enabled\":false}}")
                .patch("/v3/users/" + ids[1]).then().statusCode(200).body("user.enabled", equalTo(false));
        passwordAuth(u, "pw-1", p).then().spec(fault(401));
        given().header("X-Auth-Token", userToken).get("/v3/auth/projects").then().spec(fault(401));
    }

    @Test
    void malformedAndMissingInputIsA400() {
        given().contentType(ContentType.JSON).body("{\"auth\": {").post("/v3/auth/tokens")
                .then().spec(fault(400));
        given().contentType(ContentType.JSON).body("{\"auth\":{\"identity\":{\"methods\":[]}}}").post("/v3/auth/tokens")
                .then().spec(fault(400, containsString("'identity/methods'"))).body("error.title", equalTo("Bad Request"));
        given().contentType(ContentType.JSON).body("{\"auth\":{\"identity\":{\"methods\":[\"kerberos\"]}}}")
                .post("/v3/auth/tokens").then().spec(fault(400, containsString("unsupported method: kerberos")));
        given().contentType(ContentType.JSON).body("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\"}}}}}")
                .post("/v3/auth/tokens").then().spec(fault(400, containsString("'password/user'")));
    }

    @Test
    void missingOrGarbageTokenIs401InKeystoneFormat() {
        given().get("/v3/projects").then().spec(fault(401))
                .header("WWW-Authenticate", notNullValue());
        given().header("X-Auth-Token", "not-a-token").get("/v3/projects").then().spec(fault(401))
                .body("error.title", equalTo("Unauthorized"));
    }

    @Test
    void authProjectsListsOnlyTheCallersProjects() {
        String admin = adminToken();
        String p = unique("proj");
        String u = unique("user");
        projectWithUser(admin, p, u, "pw", "member");
        String userToken = passwordAuth(u, "pw", p).then().statusCode(201).extract().header("X-Subject-Token");
        given().header("X-Auth-Token", userToken).get("/v3/auth/projects").then().statusCode(200)
                .body("projects.name", containsInAnyOrder(p));
    }

    @Test
    void versionDiscovery() {
        given().get("/v3").then().statusCode(200).body("version.id", equalTo("v3.14"))
                .body("version.links[0].href", org.hamcrest.Matchers.endsWith("/identity/v3/"));
        given().get("/").then().statusCode(300).body("versions.values[0].status", equalTo("stable"))
                .body("versions.values[0].keySet()", equalTo(Set.of("id", "status", "updated", "links", "media-types")))
                .body("versions.values[0].'media-types'[0].keySet()", equalTo(Set.of("base", "type")));
    }

    @Test
    void jwksAndDiscoveryArePublished() {
        given().get("/v3/OS-OIDC/.well-known/openid-configuration").then().statusCode(200)
                .body("jwks_uri", org.hamcrest.Matchers.endsWith("/v3/OS-OIDC/jwks"))
                .body("id_token_signing_alg_values_supported", hasItem("ES256"))
                .body("keySet()", equalTo(Set.of("issuer", "jwks_uri", "token_endpoint", "response_types_supported",
                        "subject_types_supported", "id_token_signing_alg_values_supported")));
        given().get("/v3/OS-OIDC/jwks").then().statusCode(200)
                .body("keys[0].kty", equalTo("EC")).body("keys[0].crv", equalTo("P-256"))
                .body("keys[0].d", nullValue());
    }

    private static String adminPassword() {
        return "{\"user\":{\"name\":\"admin\",\"domain\":{\"id\":\"default\"},\"password\":\"" + ADMIN_PASSWORD + "\"}}";
    }

    private static Response auth(String identity, String scope) {
        return given().contentType(ContentType.JSON)
                .body("{\"auth\":{\"identity\":" + identity + ",\"scope\":" + scope + "}}").post("/v3/auth/tokens");
    }
}
