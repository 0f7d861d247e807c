package io.strato.volume.volumes;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import io.strato.volume.backend.LocalDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Volumes through the API on the local backend: thin files, extend, delete, metadata, isolation. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class VolumeApiTest {

    static Path file(String id) {
        String dir = ConfigProvider.getConfig().getValue("strato.volume.local.directory", String.class);
        return Path.of(dir).toAbsolutePath().resolve("volume-" + id + ".qcow2");
    }

    static String qemu(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }

    @Test
    void aNewVolumeIsThinAndGrowsOnlyAsItIsWritten() throws Exception {
        Api a = Api.member();
        String id = a.createVolume("{\"volume\": {\"size\": 100, \"name\": \"big\"}}");
        a.await(id, "available");
        Path f = file(id);
        long before = LocalDriver.allocatedBytes(f);
        assertTrue(before < 2L << 20, "a new 100 GiB volume takes " + before + " bytes");
        assertTrue(qemu("qemu-img", "info", f.toString()).contains("virtual size: 100 GiB"));

        qemu("qemu-io", "-f", "qcow2", "-c", "write -P 0x5a 0 32M", f.toString());
        long after = LocalDriver.allocatedBytes(f);
        assertTrue(after >= 32L << 20, "32 MiB written, file holds " + after + " bytes");
        assertTrue(after < 40L << 20, "32 MiB written, file holds " + after + " bytes");
    }

    @Test
    void aVolumeIsCreatedShownExtendedAndDeleted() throws Exception {
        Api a = Api.member();
        String id = a.createVolume("{\"volume\": {\"size\": 1, \"name\": \"data\", \"description\": \"d\","
                + " \"metadata\": {\"tier\": \"gold\"}}}");
        a.show(id).statusCode(200).body("volume.name", equalTo("data")).body("volume.size", equalTo(1))
                .body("volume.volume_type", equalTo("__DEFAULT__")).body("volume.availability_zone", equalTo("nova"))
                .body("volume.bootable", equalTo("false")).body("volume.metadata.tier", equalTo("gold"))
                .body("volume.'os-vol-tenant-attr:tenant_id'", equalTo(a.project()))
                .body("volume", not(hasKey("os-vol-host-attr:host")));
        a.await(id, "available");

        a.req().body("{\"os-extend\": {\"new_size\": 1}}").post(a.url("/volumes/" + id + "/action")).then().statusCode(400);
        a.req().body("{\"os-extend\": {\"new_size\": 3}}").post(a.url("/volumes/" + id + "/action")).then().statusCode(202);
        a.await(id, "available");
        a.show(id).body("volume.size", equalTo(3));
        assertTrue(qemu("qemu-img", "info", file(id).toString()).contains("virtual size: 3 GiB"));

        a.req().body("{\"volume\": {\"name\": \"renamed\"}}").put(a.url("/volumes/" + id)).then().statusCode(200)
                .body("volume.name", equalTo("renamed"));
        a.req().body("{\"metadata\": {\"k\": \"v\"}}").post(a.url("/volumes/" + id + "/metadata")).then().statusCode(200)
                .body("metadata.k", equalTo("v")).body("metadata.tier", equalTo("gold"));
        a.req().delete(a.url("/volumes/" + id + "/metadata/tier")).then().statusCode(200);
        a.req().get(a.url("/volumes/" + id + "/metadata")).then().body("metadata.tier", nullValue());

        a.req().delete(a.url("/volumes/" + id)).then().statusCode(202);
        a.awaitGone(id);
        assertFalse(Files.exists(file(id)), "the file goes with the volume");
    }

    @Test
    void aCloneHoldsTheSourcesDataAndDependsOnNothing() throws Exception {
        Api a = Api.member();
        Api b = Api.member();
        String src = a.createVolume("{\"volume\": {\"size\": 1, \"metadata\": {}}}");
        a.await(src, "available");
        qemu("qemu-io", "-f", "qcow2", "-c", "write -P 0x37 0 1M", file(src).toString());
        b.req().body("{\"volume\": {\"source_volid\": \"" + src + "\"}}").post(b.url("/volumes")).then().statusCode(404);
        a.req().body("{\"os-set_bootable\": {\"bootable\": true}}").post(a.url("/volumes/" + src + "/action"))
                .then().statusCode(200);
        String clone = a.createVolume("{\"volume\": {\"source_volid\": \"" + src + "\", \"size\": 2}}");
        a.await(clone, "available");
        a.show(clone).body("volume.source_volid", equalTo(src)).body("volume.size", equalTo(2))
                .body("volume.bootable", equalTo("true"));
        String out = qemu("qemu-io", "-f", "qcow2", "-c", "read -P 0x37 0 1M", file(clone).toString());
        assertFalse(out.contains("Pattern verification failed"), out);
        assertFalse(qemu("qemu-img", "info", file(clone).toString()).contains("backing file"));
        a.req().delete(a.url("/volumes/" + src)).then().statusCode(202);
        a.awaitGone(src);
        out = qemu("qemu-io", "-f", "qcow2", "-c", "read -P 0x37 0 1M", file(clone).toString());
        assertFalse(out.contains("Pattern verification failed"), out);
        a.req().body("{\"volume\": {\"source_volid\": \"" + clone + "\", \"size\": 1}}").post(a.url("/volumes"))
                .then().statusCode(400);
    }

    @Test
    void aVolumeOfOneProjectIsInvisibleToAnother() {
        Api a = Api.member();
        Api b = Api.member();
        String id = a.createVolume("{\"volume\": {\"size\": 1, \"name\": \"secret\"}}");
        b.show(id).statusCode(404);
        b.req().get(b.url("/volumes/detail")).then().statusCode(200).body("volumes.id", not(hasItem(id)));
        b.req().delete(b.url("/volumes/" + id)).then().statusCode(404);
        b.req().body("{\"os-extend\": {\"new_size\": 5}}").post(b.url("/volumes/" + id + "/action")).then().statusCode(404);
        b.req().body("{\"volume\": {\"name\": \"mine\"}}").put(b.url("/volumes/" + id)).then().statusCode(404);
        a.req().get(a.url("/volumes")).then().statusCode(200).body("volumes.id", hasItem(id));

        Api admin = Api.admin();
        admin.req().get(admin.url("/volumes/detail")).then().statusCode(200).body("volumes.id", not(hasItem(id)));
        admin.req().get(admin.url("/volumes/detail?all_tenants=1")).then().statusCode(200).body("volumes.id", hasItem(id));
        // oslo's false spellings (strutils.bool_from_string) keep an admin's list to its own project
        admin.req().get(admin.url("/volumes/detail?all_tenants=no")).then().statusCode(200).body("volumes.id", not(hasItem(id)));
        admin.show(id).statusCode(200).body("volume.'os-vol-host-attr:host'", equalTo("strato@local#local"));
    }

    @Test
    void listsFilterAndPage() {
        Api a = Api.member();
        String one = a.createVolume("{\"volume\": {\"size\": 1, \"name\": \"one\", \"metadata\": {\"app\": \"db\"}}}");
        String two = a.createVolume("{\"volume\": {\"size\": 1, \"name\": \"two\"}}");
        String three = a.createVolume("{\"volume\": {\"size\": 1, \"name\": \"three\"}}");
        a.req().get(a.url("/volumes/detail?name=two")).then().body("volumes.id", equalTo(List.of(two)));
        a.req().queryParam("metadata", "{\"app\":\"db\"}").get(a.url("/volumes/detail")).then().body("volumes.id", equalTo(List.of(one)));
        a.req().get(a.url("/volumes?limit=2")).then().body("volumes.id", equalTo(List.of(three, two)))
                .body("volumes_links[0].rel", equalTo("next"));
        a.req().get(a.url("/volumes?limit=2&marker=" + two)).then().body("volumes.id", equalTo(List.of(one)));
        a.req().get(a.url("/volumes?marker=00000000-0000-0000-0000-000000000000")).then().statusCode(404);
        a.req().get(a.url("/volumes?limit=1&offset=1")).then().body("volumes.id", equalTo(List.of(two)));
        a.req().get(a.url("/volumes?offset=-1")).then().statusCode(400);
    }

    /** Tempest's VolumesListTestJSON: filters combined with "and", and sort_key/sort_dir (test_volume_list_details_with_multiple_params). */
    @Test
    void filtersCombineAndTheSortKeyOrdersThePages() {
        Api a = Api.member();
        List<String> ids = new java.util.ArrayList<>();
        for (String name : List.of("b", "a", "c")) {
            ids.add(a.createVolume("{\"volume\": {\"size\": 1, \"name\": \"" + name + "\", \"metadata\": {\"Type\": \"work\"}}}"));
        }
        String other = a.createVolume("{\"volume\": {\"size\": 2, \"name\": \"a\"}}");
        for (String id : ids) {
            a.await(id, "available");
        }
        a.await(other, "available");
        List<String> byId = ids.stream().sorted().toList();
        List<String> all = new java.util.ArrayList<>(ids);
        all.add(other);
        List<String> allById = all.stream().sorted().toList();
        a.req().get(a.url("/volumes/detail?limit=2&status=available&sort_dir=asc&sort_key=id")).then().statusCode(200)
                .body("volumes.id", equalTo(allById.subList(0, 2)))
                .body("volumes.status", equalTo(List.of("available", "available")));
        a.req().get(a.url("/volumes/detail?limit=2&status=available&sort_dir=desc&sort_key=id")).then()
                .body("volumes.id", equalTo(List.of(allById.get(3), allById.get(2))));
        // the marker continues in the sort key's order
        a.req().get(a.url("/volumes/detail?limit=2&status=available&sort_dir=asc&sort_key=id&marker=" + allById.get(1)))
                .then().body("volumes.id", equalTo(allById.subList(2, 4)));
        a.req().get(a.url("/volumes?sort=name:asc,id:asc&limit=10")).then()
                .body("volumes.name", equalTo(List.of("a", "a", "b", "c")));
        a.req().queryParam("metadata", "{'Type': 'work'}").queryParam("status", "available")
                .queryParam("availability_zone", "nova").queryParam("sort_key", "id").queryParam("sort_dir", "asc")
                .get(a.url("/volumes/detail")).then().body("volumes.id", equalTo(byId))
                .body("volumes.metadata.Type", equalTo(List.of("work", "work", "work")));
        a.req().queryParam("metadata", "{\"Type\": \"work\"}").queryParam("name", "a").queryParam("status", "available")
                .get(a.url("/volumes")).then().body("volumes.id", equalTo(List.of(ids.get(1))));
        a.req().queryParam("metadata", "{\"Type\": \"work\"}").queryParam("status", "error")
                .get(a.url("/volumes/detail")).then().body("volumes", equalTo(List.of()));
        a.req().get(a.url("/volumes?sort_key=password")).then().statusCode(400).body("badRequest.message",
                org.hamcrest.Matchers.containsString("sort key"));
        a.req().get(a.url("/volumes?sort=id:asc&sort_key=id")).then().statusCode(400);
        a.req().get(a.url("/volumes?sort_dir=sideways")).then().statusCode(400);
    }

    @Test
    void onlyAnAdminResetsAStatusAndABusyVolumeIsNotDeleted() {
        Api a = Api.member();
        Api admin = Api.admin();
        String id = a.createVolume("{\"volume\": {\"size\": 1}}");
        a.await(id, "available");
        a.req().body("{\"os-reset_status\": {\"status\": \"error\"}}").post(a.url("/volumes/" + id + "/action"))
                .then().statusCode(403);
        admin.req().body("{\"os-reset_status\": {\"status\": \"in-use\"}}").post(admin.url("/volumes/" + id + "/action"))
                .then().statusCode(202);
        a.req().delete(a.url("/volumes/" + id)).then().statusCode(400).body("badRequest.code", equalTo(400));
        admin.req().body("{\"os-reset_status\": {\"status\": \"bogus\"}}").post(admin.url("/volumes/" + id + "/action"))
                .then().statusCode(400);
        admin.req().body("{\"os-reset_status\": {\"status\": \"available\"}}").post(admin.url("/volumes/" + id + "/action"))
                .then().statusCode(202);
        a.req().delete(a.url("/volumes/" + id)).then().statusCode(202);
        a.awaitGone(id);
    }

    static final Set<String> CINDER_3_0 = Set.of("id", "name", "description", "size", "status", "availability_zone",
            "created_at", "updated_at", "volume_type", "bootable", "encrypted", "multiattach", "metadata", "attachments",
            "snapshot_id", "source_volid", "user_id", "replication_status", "consistencygroup_id", "links");

    static Set<String> keys(io.restassured.response.ValidatableResponse r, String path) {
        Map<String, Object> m = r.extract().jsonPath().getMap(path);
        return new TreeSet<>(m.keySet());
    }

    static Set<String> plus(Set<String> base, String... more) {
        Set<String> all = new TreeSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void eachAnswerCarriesTheKeysCinderWritesForItsCallVersionAndCaller() {
        Api a = Api.member();
        Api admin = Api.admin();
        var created = a.req().body("{\"volume\": {\"size\": 1}}").post(a.url("/volumes")).then().statusCode(202);
        assertEquals(new TreeSet<>(CINDER_3_0), keys(created, "volume"), "a 3.0 create: Tempest's create_volume schema");
        String id = created.extract().path("volume.id");
        a.await(id, "available");
        assertEquals(plus(CINDER_3_0, "os-vol-tenant-attr:tenant_id"), keys(a.show(id), "volume"),
                "a member's show: the tenant attribute, no host, no attach_status, no volume_type_id");
        var updated = a.req().body("{\"volume\": {\"name\": \"n\"}}").put(a.url("/volumes/" + id)).then().statusCode(200);
        assertEquals(new TreeSet<>(CINDER_3_0), keys(updated, "volume"), "an update: Cinder's detail view, no attributes");
        var detail = a.req().get(a.url("/volumes/detail")).then().statusCode(200);
        assertEquals(plus(CINDER_3_0, "os-vol-tenant-attr:tenant_id"), keys(detail, "volumes[0]"));
        var at313 = a.req().header("OpenStack-API-Version", "volume 3.21").get(a.url("/volumes/" + id)).then().statusCode(200)
                .body("volume.group_id", nullValue());
        assertEquals(plus(CINDER_3_0, "os-vol-tenant-attr:tenant_id", "group_id"), keys(at313, "volume"),
                "group_id from 3.13; provider_id is an admin's");

        var asAdmin = admin.req().get(admin.url("/volumes/" + id)).then().statusCode(200);
        assertEquals(plus(CINDER_3_0, "os-vol-tenant-attr:tenant_id", "os-vol-host-attr:host", "migration_status",
                        "os-vol-mig-status-attr:migstat", "os-vol-mig-status-attr:name_id"), keys(asAdmin, "volume"));
        var adminAt321 = admin.req().header("OpenStack-API-Version", "volume 3.21").get(admin.url("/volumes/" + id)).then()
                .statusCode(200).body("volume.provider_id", nullValue());
        assertTrue(keys(adminAt321, "volume").containsAll(List.of("group_id", "provider_id")));
    }

    @Test
    void theReadonlyFlagIsAdminMetadataShownInTheVolumesMetadata() {
        Api a = Api.member();
        String id = a.createVolume("{\"volume\": {\"size\": 1, \"metadata\": {\"readonly\": \"mine\", \"k\": \"v\"}}}");
        a.await(id, "available");
        for (boolean readonly : new boolean[] {true, false}) {
            a.req().body("{\"os-update_readonly_flag\": {\"readonly\": " + readonly + "}}")
                    .post(a.url("/volumes/" + id + "/action")).then().statusCode(202);
            a.show(id).body("volume.metadata.readonly", equalTo(readonly ? "True" : "False"))
                    .body("volume.metadata.k", equalTo("v"));
        }
        // the owner's own metadata is left as it was: the flag is the service's, shown over it
        a.req().get(a.url("/volumes/" + id + "/metadata")).then().statusCode(200).body("metadata.readonly", equalTo("mine"));
        a.req().body("{\"os-update_readonly_flag\": {}}").post(a.url("/volumes/" + id + "/action")).then().statusCode(400);
        a.req().body("{\"os-update_readonly_flag\": {\"readonly\": \"maybe\"}}").post(a.url("/volumes/" + id + "/action"))
                .then().statusCode(400);
        Api admin = Api.admin();
        admin.req().body("{\"os-reset_status\": {\"status\": \"error\"}}").post(admin.url("/volumes/" + id + "/action"))
                .then().statusCode(202);
        a.req().body("{\"os-update_readonly_flag\": {\"readonly\": true}}").post(a.url("/volumes/" + id + "/action"))
                .then().statusCode(400).body("badRequest.message", org.hamcrest.Matchers.containsString("must be available"));
    }

    /** Cinder 3.12's volume summary (Tempest's VolumesSummaryTest), with 3.36's metadata; below 3.12 a 404. */
    @Test
    void theSummaryCountsTheListedVolumes() {
        Api a = Api.member();
        a.createVolume("{\"volume\": {\"size\": 2, \"name\": \"s1\", \"metadata\": {\"tier\": \"gold\"}}}");
        a.createVolume("{\"volume\": {\"size\": 3, \"name\": \"s2\", \"metadata\": {\"tier\": \"silver\", \"app\": \"db\"}}}");
        a.req().get(a.url("/volumes/summary")).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Volume summary could not be found."));
        a.req().header("OpenStack-API-Version", "volume 3.12").get(a.url("/volumes/summary")).then().statusCode(200)
                .body("'volume-summary'.total_count", equalTo(2)).body("'volume-summary'.total_size", equalTo(5))
                .body("'volume-summary'", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("metadata")));
        a.req().header("OpenStack-API-Version", "volume 3.36").get(a.url("/volumes/summary?name=s2")).then()
                .body("'volume-summary'.total_count", equalTo(1))
                .body("'volume-summary'.metadata", equalTo(Map.of("app", List.of("db"), "tier", List.of("silver"))));
        a.req().header("OpenStack-API-Version", "volume 3.36").get(a.url("/volumes/summary")).then()
                .body("'volume-summary'.metadata.tier", equalTo(List.of("gold", "silver")));
    }
}
