package io.strato.identity.tokens;

import static io.restassured.RestAssured.given;
import static io.strato.identity.support.Keystone.adminToken;
import static io.strato.identity.support.Keystone.passwordAuth;
import static io.strato.identity.support.Keystone.projectWithUser;
import static io.strato.identity.support.Keystone.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.strato.kit.testing.StratoInfraResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/**
 * Token issue reuses what it loaded while the change stamp stands (ChangeStamp), and sees every change at once:
 * changes are made here with plain SQL, as another replica's would reach this one (nothing on this instance is
 * told), and the very next issue must follow them.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class TokenIssueCacheTest {

    @Inject
    AgroalDataSource db;

    private static Response rescope(String token, String projectId) {
        return given().contentType(ContentType.JSON)
                .body("{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"" + token
                        + "\"}},\"scope\":{\"project\":{\"id\":\"" + projectId + "\"}}}}")
                .post("/v3/auth/tokens");
    }

    private static Response appCred(String id, String secret) {
        return given().contentType(ContentType.JSON)
                .body("{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],\"application_credential\":{"
                        + "\"id\":\"" + id + "\",\"secret\":\"" + secret + "\"}}}}")
                .post("/v3/auth/tokens");
    }

    /** A new user holding member on a new project: {projectId, userId, token (project-scoped or unscoped)}. */
    private static String[] member(boolean scoped) {
        String user = unique("icuser");
        String project = unique("icproj");
        String[] ids = projectWithUser(adminToken(), project, user, "pw-" + user, "member");
        String token = passwordAuth(user, "pw-" + user, scoped ? project : null).then().statusCode(201)
                .extract().header("X-Subject-Token");
        return new String[]{ids[0], ids[1], token};
    }

    private int sql(String statement, String... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    @Test
    void aRoleRemovedOrAUserDisabledElsewhereIsSeenByTheNextIssue() throws Exception {
        String[] ids = member(false);
        String token = ids[2];
        for (int i = 0; i < 3; i++) {
            rescope(token, ids[0]).then().statusCode(201).body("token.roles.name", hasItem("member"));
        }
        // a second role appears elsewhere: the next token carries it
        sql("INSERT INTO role_assignment (actor_type, actor_id, target_type, target_id, role_id, inherited) "
                + "SELECT 'user', ?, 'project', ?, id, false FROM role WHERE name = 'admin' AND domain_id IS NULL",
                ids[1], ids[0]);
        rescope(token, ids[0]).then().statusCode(201).body("token.roles.name", hasItem("admin"));
        sql("DELETE FROM role_assignment WHERE actor_id = ? AND role_id IN "
                + "(SELECT id FROM role WHERE name = 'admin' AND domain_id IS NULL)", ids[1]);
        rescope(token, ids[0]).then().statusCode(201).body("token.roles.name", not(hasItem("admin")));
        // the project's last role removed elsewhere: no token for it
        assertEquals(1, sql("DELETE FROM role_assignment WHERE actor_id = ? AND target_id = ?", ids[1], ids[0]));
        rescope(token, ids[0]).then().statusCode(401);
        // and the user disabled elsewhere: no token at all
        sql("INSERT INTO role_assignment (actor_type, actor_id, target_type, target_id, role_id, inherited) "
                + "SELECT 'user', ?, 'project', ?, id, false FROM role WHERE name = 'member' AND domain_id IS NULL",
                ids[1], ids[0]);
        rescope(token, ids[0]).then().statusCode(201);
        sql("UPDATE identity_user SET enabled = false WHERE id = ?", ids[1]);
        rescope(token, ids[0]).then().statusCode(401);
    }

    @Test
    void anApplicationCredentialsSecretIsCheckedEveryTimeAndADeletedOneRefusedAtOnce() throws Exception {
        String[] ids = member(true);
        String token = ids[2];
        JsonPath created = given().header("X-Auth-Token", token).contentType(ContentType.JSON)
                .body("{\"application_credential\":{\"name\":\"" + unique("ic") + "\"}}")
                .post("/v3/users/" + ids[1] + "/application_credentials").then().statusCode(201).extract().jsonPath();
        String id = created.getString("application_credential.id");
        String secret = created.getString("application_credential.secret");
        for (int i = 0; i < 3; i++) {
            appCred(id, secret).then().statusCode(201)
                    .body("token.project.id", equalTo(ids[0]))
                    .body("token.application_credential.id", equalTo(id));
            appCred(id, secret.substring(1) + "x").then().statusCode(401);
            appCred(id, secret + "x").then().statusCode(401);
        }
        // expired elsewhere, then deleted elsewhere: refused at once
        sql("UPDATE application_credential SET expires_at = now() - interval '1 second' WHERE id = ?", id);
        appCred(id, secret).then().statusCode(401);
        sql("UPDATE application_credential SET expires_at = NULL WHERE id = ?", id);
        appCred(id, secret).then().statusCode(201);
        assertEquals(1, sql("DELETE FROM application_credential WHERE id = ?", id));
        appCred(id, secret).then().statusCode(401);
    }
}
