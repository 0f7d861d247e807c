package io.strato.identity.credentials;

import static io.restassured.RestAssured.given;
import static io.strato.kit.testing.ErrorFaults.fault;
import static io.strato.identity.support.Keystone.adminToken;
import static io.strato.identity.support.Keystone.passwordAuth;
import static io.strato.identity.support.Keystone.projectWithUser;
import static io.strato.identity.support.Keystone.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.faults.Unauthorized;
import io.strato.kit.testing.StratoInfraResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Application credentials through the API, and their authentication as the token method uses it. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class ApplicationCredentialTest {

    @Inject
    ApplicationCredentialAuth auth;
    @Inject
    AgroalDataSource db;

    record Member(String userId, String projectId, String token) {
    }

    /** A new user holding only {@code member} (so also reader) on a new project, with a token for it. */
    private static Member member() {
        String user = unique("acuser");
        String project = unique("acproj");
        String[] ids = projectWithUser(adminToken(), project, user, "pw-" + user, "member");
        String token = passwordAuth(user, "pw-" + user, project).then().statusCode(201).extract().header("X-Subject-Token");
        return new Member(ids[1], ids[0], token);
    }

    private static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    @Test
    void secretIsShownOnceAndStoredHashed() throws Exception {
        Member m = member();
        JsonPath created = as(m.token()).body("{\"application_credential\":{\"name\":\"monitoring\",\"description\":\"d\"}}")
                .post("/v3/users/" + m.userId() + "/application_credentials").then().statusCode(201)
                .body("application_credential.project_id", equalTo(m.projectId()))
                .body("application_credential.user_id", equalTo(m.userId()))
                .body("application_credential.unrestricted", equalTo(false))
                .body("application_credential.expires_at", nullValue())
                .body("application_credential.access_rules", hasSize(0))
                .body("application_credential.roles.name", hasItems("member", "reader"))
                .body("application_credential.roles.name", not(hasItems("admin")))
                .extract().jsonPath();
        String id = created.getString("application_credential.id");
        String secret = created.getString("application_credential.secret");
        assertEquals(64, secret.length());
        assertTrue(secret.matches("[A-Za-z0-9_-]+"), secret);

        String stored = storedHash(id);
        assertNotEquals(secret, stored);
        assertTrue(stored.startsWith("$2"), "not a bcrypt hash: " + stored);

        String path = "/v3/users/" + m.userId() + "/application_credentials";
        as(m.token()).get(path + "/" + id).then().statusCode(200)
                .body("application_credential", not(hasKey("secret")))
                .body("application_credential.name", equalTo("monitoring"));
        // openstack application credential show NAME: by id first (404), then ?name=
        as(m.token()).get(path + "/monitoring").then().spec(fault(404));
        as(m.token()).queryParam("name", "monitoring").get(path).then().statusCode(200)
                .body("application_credentials.id", equalTo(List.of(id)))
                .body("application_credentials[0]", not(hasKey("secret")));
        as(m.token()).body("{\"application_credential\":{\"name\":\"monitoring\"}}").post(path).then().spec(fault(409));

        // the token method: id + secret gives a token scoped to the credential's project
        String acToken = given().contentType(ContentType.JSON).body("{\"auth\":{\"identity\":{\"methods\":"
                        + "[\"application_credential\"],\"application_credential\":{\"id\":\"" + id + "\",\"secret\":\""
                        + secret + "\"}}}}").post("/v3/auth/tokens").then().statusCode(201)
                .body("token.project.id", equalTo(m.projectId())).extract().header("X-Subject-Token");
        as(acToken).get("/v3/regions").then().statusCode(200);

        as(m.token()).delete(path + "/" + id).then().statusCode(204);
        as(m.token()).get(path + "/" + id).then().spec(fault(404));
        as(acToken).get("/v3/regions").then().spec(fault(401));
        assertThrows(Unauthorized.class, () -> authenticate(id, null, null, secret));
    }

    @Test
    void rolesMustBeHeldByTheCreatingToken() {
        Member m = member();
        String path = "/v3/users/" + m.userId() + "/application_credentials";
        as(m.token()).body("{\"application_credential\":{\"name\":\"escalate\",\"roles\":[{\"name\":\"admin\"}]}}")
                .post(path).then().spec(fault(400))
                .body("error.message", equalTo("Invalid application credential: Cannot create an application credential with unassigned role"));
        as(m.token()).body("{\"application_credential\":{\"name\":\"ghost\",\"roles\":[{\"id\":\"no-such-role\"}]}}")
                .post(path).then().spec(fault(404));
        as(m.token()).body("{\"application_credential\":{\"name\":\"readonly\",\"roles\":[{\"name\":\"reader\"}]}}")
                .post(path).then().statusCode(201)
                .body("application_credential.roles.name", equalTo(List.of("reader")));
        // a role granted after the token was issued counts: Keystone checks the assignments, not the token
        String admin = adminToken();
        String late = given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"role\":{\"name\":\"" + unique("late") + "\"}}").post("/v3/roles").then().statusCode(201)
                .extract().path("role.id");
        given().header("X-Auth-Token", admin).put("/v3/projects/" + m.projectId() + "/users/" + m.userId() + "/roles/" + late)
                .then().statusCode(204);
        as(m.token()).body("{\"application_credential\":{\"name\":\"late\",\"roles\":[{\"id\":\"" + late + "\"}]}}")
                .post(path).then().statusCode(201).body("application_credential.roles.id", equalTo(List.of(late)));
    }

    @Test
    void onlyForYourselfAndOnlyInTheFuture() {
        Member m = member();
        Member other = member();
        as(m.token()).body("{\"application_credential\":{\"name\":\"theirs\"}}")
                .post("/v3/users/" + other.userId() + "/application_credentials").then().spec(fault(403));
        as(m.token()).get("/v3/users/" + other.userId() + "/application_credentials").then().spec(fault(403));
        String path = "/v3/users/" + m.userId() + "/application_credentials";
        as(m.token()).body("{\"application_credential\":{\"name\":\"old\",\"expires_at\":\"2001-01-01T00:00:00\"}}")
                .post(path).then().spec(fault(400, containsString("must be in the future")));
        as(m.token()).body("{\"application_credential\":{\"name\":\"bad\",\"expires_at\":\"tomorrow\"}}")
                .post(path).then().spec(fault(400, containsString("'application_credential.expires_at'")));
        as(m.token()).body("{}").post(path).then().spec(fault(400));
        // shown back as sent: UTC without an offset, as real Keystone (Python's isoformat) shows it
        String sent = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusHours(1).withNano(123456000).toString();
        as(m.token()).body("{\"application_credential\":{\"name\":\"future\",\"expires_at\":\"" + sent + "\"}}")
                .post(path).then().statusCode(201).body("application_credential.expires_at", equalTo(sent));
    }

    @Test
    void authenticateChecksSecretExpiryAndNamesTheSameWay() throws Throwable {
        Member m = member();
        String path = "/v3/users/" + m.userId() + "/application_credentials";
        JsonPath c = as(m.token()).body("{\"application_credential\":{\"name\":\"ci\",\"secret\":\"my-own-secret\"}}")
                .post(path).then().statusCode(201)
                .body("application_credential.secret", equalTo("my-own-secret")).extract().jsonPath();
        String id = c.getString("application_credential.id");
        String user = given().header("X-Auth-Token", adminToken()).get("/v3/users/" + m.userId())
                .then().statusCode(200).extract().path("user.name");

        assertEquals(id, authenticate(id, null, null, "my-own-secret").id);
        assertEquals(id, VertxContextSupport.subscribeAndAwait(() ->
                auth.authenticate(null, "ci", null, user, null, "Default", "my-own-secret")).id);
        assertEquals(id, VertxContextSupport.subscribeAndAwait(() ->
                auth.authenticate(null, "ci", m.userId(), null, null, null, "my-own-secret")).id);

        Unauthorized wrong = assertThrows(Unauthorized.class, () -> authenticate(id, null, null, "not-the-secret"));
        Unauthorized unknown = assertThrows(Unauthorized.class, () -> authenticate("no-such-id", null, null, "my-own-secret"));
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertThrows(Unauthorized.class, () -> authenticate(null, "ci", "someone-else", "my-own-secret"));

        setExpiry(id, Instant.now().minusSeconds(1));
        Unauthorized expired = assertThrows(Unauthorized.class, () -> authenticate(id, null, null, "my-own-secret"));
        assertEquals("The request you have made requires authentication.", expired.getMessage());
    }

    private ApplicationCredential authenticate(String id, String name, String userId, String secret) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> auth.authenticate(id, name, userId, null, null, null, secret));
    }

    private String storedHash(String id) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select secret_hash from application_credential where id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private void setExpiry(String id, Instant at) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("update application_credential set expires_at = ? where id = ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(at));
            s.setString(2, id);
            assertEquals(1, s.executeUpdate());
        }
    }
}
