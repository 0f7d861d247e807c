package io.strato.volume.backend;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import io.strato.volume.Db;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The libvirt pool backend behind the API (tests enable it on libvirt's test driver): a type naming it puts
 * volumes in the pool, get_pools reports the pool's capacity, and what the test driver cannot do ends in an
 * error status with libvirt's reason.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class LibvirtBackendApiTest {

    @Test
    void aTypeNamingTheLibvirtBackendKeepsItsVolumesInThePool() throws Exception {
        Api admin = Api.admin();
        Api a = Api.member();
        String type = "pool-" + UUID.randomUUID();
        String typeId = admin.req().body("{\"volume_type\": {\"name\": \"" + type + "\"}}").post(admin.url("/types"))
                .then().statusCode(200).extract().path("volume_type.id");
        admin.req().body("{\"extra_specs\": {\"volume_backend_name\": \"libvirt\"}}")
                .post(admin.url("/types/" + typeId + "/extra_specs")).then().statusCode(200);

        String vol = a.createVolume("{\"volume\": {\"size\": 2, \"volume_type\": \"" + type + "\"}}");
        a.await(vol, "available");
        admin.req().get(admin.url("/volumes/" + vol)).then().statusCode(200)
                .body("volume.'os-vol-host-attr:host'", equalTo("strato@libvirt#libvirt"));

        List<Map<String, Object>> pools = admin.req().get(admin.url("/scheduler-stats/get_pools?detail=true")).then()
                .statusCode(200).body("pools.name", hasItem("strato@libvirt#libvirt")).extract().path("pools");
        Map<?, ?> caps = (Map<?, ?>) pools.stream().filter(p -> p.get("name").equals("strato@libvirt#libvirt"))
                .findFirst().orElseThrow().get("capabilities");
        assertEquals(100.0, ((Number) caps.get("total_capacity_gb")).doubleValue());

        // the test driver does not implement volume resize: the extend fails with libvirt's reason
        a.req().body("{\"os-extend\": {\"new_size\": 3}}").post(a.url("/volumes/" + vol + "/action")).then().statusCode(202);
        a.await(vol, "error_extending");
        a.show(vol).body("volume.size", equalTo(2)).body("volume", not(hasKey("status_reason")));
        assertThat(Db.text("select status_reason from volume where id = ?::uuid", vol), containsString("virStorageVolResize"));

        admin.req().body("{\"os-reset_status\": {\"status\": \"available\"}}")
                .post(admin.url("/volumes/" + vol + "/action")).then().statusCode(202);
        a.req().delete(a.url("/volumes/" + vol)).then().statusCode(202);
        a.awaitGone(vol);
    }
}
