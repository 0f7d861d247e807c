package io.strato.volume.services;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.util.List;
import org.junit.jupiter.api.Test;

/** os-services, os-hosts and backend capabilities, as Cinder answers an admin (and refuses others). */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ServicesApiTest {

    @Test
    void servicesAreListedFilteredAndDisabledWithAReason() {
        Api admin = Api.admin();
        admin.req().get(admin.url("/os-services")).then().statusCode(200)
                .body("services.binary", hasItem("cinder-scheduler")).body("services.binary", hasItem("cinder-volume"))
                .body("services.state", everyItem(equalTo("up")));
        admin.req().get(admin.url("/os-services?binary=cinder-volume&host=strato")).then().statusCode(200)
                .body("services.binary", everyItem(equalTo("cinder-volume"))).body("services.host", everyItem(startsWith("strato@")))
                .body("services.host", hasItem("strato@local")).body("services[0].frozen", equalTo(false));
        admin.req().get(admin.url("/os-services?host=elsewhere")).then().statusCode(200).body("services", equalTo(List.of()));
        // the scheduler carries no replication keys
        admin.req().get(admin.url("/os-services?binary=cinder-scheduler")).then().body("services[0]", not(hasKey("frozen")));

        admin.req().body("{\"host\": \"invalid_host\", \"binary\": \"cinder-volume\"}").put(admin.url("/os-services/enable"))
                .then().statusCode(404).body("itemNotFound.code", equalTo(404));
        admin.req().body("{\"host\": \"strato@local\", \"binary\": \"invalid_binary\"}").put(admin.url("/os-services/disable"))
                .then().statusCode(404);
        admin.req().body("{\"host\": \"strato@local\", \"binary\": \"cinder-volume\", \"disabled_reason\": null}")
                .put(admin.url("/os-services/disable-log-reason")).then().statusCode(400).body("badRequest.code", equalTo(400));
        admin.req().body("{\"host\": \"invalid_host\"}").put(admin.url("/os-services/freeze")).then().statusCode(400);

        admin.req().body("{\"host\": \"strato@local\", \"binary\": \"cinder-volume\", \"disabled_reason\": \"maintenance\"}")
                .put(admin.url("/os-services/disable-log-reason")).then().statusCode(200)
                .body("disabled", equalTo(true)).body("status", equalTo("disabled")).body("disabled_reason", equalTo("maintenance"));
        admin.req().get(admin.url("/os-services?host=strato@local")).then()
                .body("services[0].status", equalTo("disabled")).body("services[0].disabled_reason", equalTo("maintenance"));
        // a disabled cinder-volume host is not shown by os-hosts
        admin.req().get(admin.url("/os-hosts/strato@local")).then().statusCode(404);
        admin.req().body("{\"host\": \"strato@local\", \"binary\": \"cinder-volume\"}").put(admin.url("/os-services/enable"))
                .then().statusCode(200).body("status", equalTo("enabled")).body("disabled_reason", nullValue());
        admin.req().body("{\"host\": \"strato@local\"}").put(admin.url("/os-services/freeze")).then().statusCode(200);
        admin.req().get(admin.url("/os-services?host=strato@local")).then().body("services[0].frozen", equalTo(true));
        admin.req().body("{\"host\": \"strato@local\"}").put(admin.url("/os-services/thaw")).then().statusCode(200);

        Api member = Api.member();
        member.req().get(member.url("/os-services")).then().statusCode(403);
        member.req().get(member.url("/os-hosts")).then().statusCode(403);
    }

    @Test
    void hostsShowUsageAndCapabilitiesMatchThePools() {
        Api admin = Api.admin();
        Api a = Api.member();
        a.availableVolume();
        admin.req().get(admin.url("/os-hosts")).then().statusCode(200)
                .body("hosts.host_name", hasItem("strato")).body("hosts.host_name", hasItem("strato@local"))
                .body("hosts[0].service-status", equalTo("available"));
        admin.req().get(admin.url("/os-hosts/strato@local")).then().statusCode(200)
                .body("host[0].resource.project", equalTo("(total)"))
                .body("host.resource.project", hasItem(a.project()))
                .body("host.find { it.resource.project == '" + a.project() + "' }.resource.volume_count", equalTo("1"));
        admin.req().get(admin.url("/os-hosts/nowhere")).then().statusCode(404);

        admin.req().get(admin.url("/capabilities/strato@local#local")).then().statusCode(200)
                .body("volume_backend_name", equalTo("local")).body("namespace", equalTo("OS::Storage::Capabilities::strato@local"))
                .body("vendor_name", equalTo("Strato")).body("storage_protocol", equalTo("file")).body("pool_name", nullValue());
        admin.req().get(admin.url("/capabilities/strato@nowhere")).then().statusCode(404);
        a.req().get(a.url("/capabilities/strato@local")).then().statusCode(403);
    }
}
