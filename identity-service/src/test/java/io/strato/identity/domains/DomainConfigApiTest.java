package io.strato.identity.domains;

import static io.restassured.RestAssured.given;
import static io.strato.identity.support.Keystone.adminToken;
import static io.strato.identity.support.Keystone.unique;
import static io.strato.kit.testing.ErrorFaults.fault;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.StratoInfraResource;
import org.junit.jupiter.api.Test;

/** /v3/domains/{id}/config and the defaults, as Keystone's domain configuration API. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class DomainConfigApiTest {

    private static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    @Test
    void createShowUpdateAndDeleteGroupsAndOptions() {
        String admin = adminToken();
        String domain = as(admin).body("{\"domain\":{\"name\":\"" + unique("cfg") + "\"}}").post("/v3/domains")
                .then().statusCode(201).extract().path("domain.id");
        String path = "/v3/domains/" + domain + "/config";
        as(admin).get(path).then().spec(fault(404));
        String config = "{\"config\":{\"identity\":{\"driver\":\"ldap\"},\"ldap\":{\"url\":\"ldap://x:389/\","
                + "\"password\":\"hidden\"}}}";
        as(admin).body(config).put(path).then().statusCode(201)
                .body("config.identity.driver", equalTo("ldap")).body("config.ldap.url", equalTo("ldap://x:389/"))
                .body("config.ldap", not(hasKey("password")));
        as(admin).body(config).put(path).then().statusCode(200);
        as(admin).get(path + "/ldap").then().statusCode(200).body("config.ldap.url", equalTo("ldap://x:389/"));
        as(admin).get(path + "/ldap/url").then().statusCode(200).body("config.url", equalTo("ldap://x:389/"));
        as(admin).get(path + "/ldap/password").then().spec(fault(404));

        as(admin).body("{\"config\":{\"identity\":{\"driver\":\"sql\",\"list_limit\":5}}}").patch(path + "/identity")
                .then().statusCode(200).body("config.identity.list_limit", equalTo(5))
                .body("config.ldap.url", equalTo("ldap://x:389/"));
        as(admin).body("{\"config\":{\"driver\":\"other\"}}").patch(path + "/identity/driver").then().statusCode(200)
                .body("config.identity.driver", equalTo("other"));
        as(admin).body("{\"config\":{\"ldap\":{\"url\":\"ldap://y/\"}}}").patch(path).then().statusCode(200)
                .body("config.ldap.url", equalTo("ldap://y/")).body("config.identity.driver", equalTo("other"));
        // Keystone's list of options: anything else is its InvalidDomainConfig, a 403
        as(admin).body("{\"config\":{\"assignment\":{\"driver\":\"x\"}}}").patch(path).then().spec(fault(403));
        as(admin).body("{\"config\":{\"identity\":{\"colour\":\"x\"}}}").patch(path).then().spec(fault(403));
        as(admin).body("{\"config\":{\"ldap\":{\"url\":\"z\"}}}").patch(path + "/identity").then().spec(fault(400));

        as(admin).delete(path + "/identity/driver").then().statusCode(204);
        as(admin).get(path + "/identity/driver").then().spec(fault(404));
        as(admin).delete(path + "/identity").then().statusCode(204);
        as(admin).get(path + "/identity").then().spec(fault(404));
        as(admin).delete(path).then().statusCode(204);
        as(admin).get(path).then().spec(fault(404));
        as(admin).get("/v3/domains/no-such-domain/config").then().spec(fault(404));
    }

    @Test
    void defaultsOfEveryGroupAndOption() {
        String admin = adminToken();
        as(admin).get("/v3/domains/config/default").then().statusCode(200)
                .body("config.identity.driver", equalTo("sql")).body("config.identity", hasKey("list_limit"))
                .body("config.ldap.url", equalTo("ldap://localhost"));
        as(admin).get("/v3/domains/config/identity/default").then().statusCode(200)
                .body("config.identity.list_limit", nullValue());
        as(admin).get("/v3/domains/config/ldap/user_tree_dn/default").then().statusCode(200)
                .body("config", hasKey("user_tree_dn"));
        as(admin).get("/v3/domains/config/ldap/password/default").then().spec(fault(403));
        as(admin).get("/v3/domains/config/nope/default").then().spec(fault(403));
    }
}
