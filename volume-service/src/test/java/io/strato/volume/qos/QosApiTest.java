package io.strato.volume.qos;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** QoS specs: created with limits, associated with a type, refused deletion while associated. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class QosApiTest {

    @Test
    void qosSpecsAreAssociatedWithTypes() {
        Api admin = Api.admin();
        Api a = Api.member();
        String name = "qos-" + UUID.randomUUID();
        a.req().body("{\"qos_specs\": {\"name\": \"" + name + "\"}}").post(a.url("/qos-specs")).then().statusCode(403);
        admin.req().body("{\"qos_specs\": {\"name\": \"x\", \"read_iops_sec\": \"fast\"}}").post(admin.url("/qos-specs"))
                .then().statusCode(400);
        String qos = admin.req().body("{\"qos_specs\": {\"name\": \"" + name + "\", \"consumer\": \"front-end\","
                        + " \"read_iops_sec\": \"3000\", \"write_iops_sec\": \"3000\"}}")
                .post(admin.url("/qos-specs")).then().statusCode(200).body("qos_specs.specs.read_iops_sec", equalTo("3000"))
                .body("qos_specs.consumer", equalTo("front-end")).extract().path("qos_specs.id");
        admin.req().get(admin.url("/qos-specs")).then().body("qos_specs.name", hasItem(name));
        String type = admin.req().body("{\"volume_type\": {\"name\": \"t-" + UUID.randomUUID() + "\"}}")
                .post(admin.url("/types")).then().statusCode(200).extract().path("volume_type.id");

        admin.req().get(admin.url("/qos-specs/" + qos + "/associate?vol_type_id=" + type)).then().statusCode(202);
        admin.req().get(admin.url("/types/" + type)).then().body("volume_type.qos_specs_id", equalTo(qos));
        admin.req().get(admin.url("/qos-specs/" + qos + "/associations")).then().statusCode(200)
                .body("qos_associations.id", hasItem(type));
        admin.req().delete(admin.url("/qos-specs/" + qos)).then().statusCode(400);

        admin.req().body("{\"qos_specs\": {\"total_bytes_sec\": \"1048576\"}}").put(admin.url("/qos-specs/" + qos))
                .then().statusCode(200);
        admin.req().body("{\"keys\": [\"write_iops_sec\"]}").put(admin.url("/qos-specs/" + qos + "/delete_keys"))
                .then().statusCode(202);
        admin.req().get(admin.url("/qos-specs/" + qos)).then().body("qos_specs.specs.total_bytes_sec", equalTo("1048576"))
                .body("qos_specs.specs", not(org.hamcrest.Matchers.hasKey("write_iops_sec")));

        admin.req().get(admin.url("/qos-specs/" + qos + "/disassociate?vol_type_id=" + type)).then().statusCode(202);
        admin.req().get(admin.url("/types/" + type)).then().body("volume_type.qos_specs_id", equalTo(null));
        admin.req().delete(admin.url("/qos-specs/" + qos)).then().statusCode(202);
        admin.req().get(admin.url("/qos-specs/" + qos)).then().statusCode(404).body("itemNotFound.code", equalTo(404));
        admin.req().delete(admin.url("/types/" + type)).then().statusCode(202);
    }

    @Test
    void poolsReportThinCapacityToAdmins() {
        Api admin = Api.admin();
        Api a = Api.member();
        a.req().get(a.url("/scheduler-stats/get_pools?detail=true")).then().statusCode(403);
        admin.req().get(admin.url("/scheduler-stats/get_pools?detail=true")).then().statusCode(200)
                .body("pools.name", hasItem("strato@local#local"))
                .body("pools[0].capabilities.thin_provisioning_support", equalTo(true));
    }
}
