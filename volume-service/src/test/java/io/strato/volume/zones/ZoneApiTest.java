package io.strato.volume.zones;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ZoneApiTest {
    @Test
    void theZoneAndTheExtensionsAreListedAsCinderListsThem() {
        Api a = Api.member();
        a.req().get(a.url("/os-availability-zone")).then().statusCode(200)
                .body("availabilityZoneInfo.size()", equalTo(1))
                .body("availabilityZoneInfo[0].zoneName", equalTo("nova"))
                .body("availabilityZoneInfo[0].zoneState.available", equalTo(true));
        a.req().get(a.url("/extensions")).then().statusCode(200)
                .body("extensions.alias", hasItems("os-availability-zone", "os-vol-tenant-attr", "os-extended-snapshot-attributes",
                        "os-volume-type-access", "os-quota-class-sets", "os-snapshot-actions"))
                .body("extensions[0].keySet()", hasItems("alias", "name", "description", "updated", "links"));
        Api other = Api.member();
        other.req().get(a.url("/extensions")).then().statusCode(403);
    }
}
