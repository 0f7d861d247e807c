package io.strato.compute.versions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.OpenApiNames;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** /q/openapi describes the typed bodies: a client generator sees a server create's real fields. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class OpenApiTest {

    @Test
    void theServerCreateBodyIsPublishedWithItsFields() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.ServerCreateBody.properties.server.$ref", endsWith("/ServerCreateAttributes"))
                .body("components.schemas.ServerCreateBody.properties.keySet()", hasItems("os:scheduler_hints"))
                .body("components.schemas.ServerCreateAttributes.properties.keySet()", hasItems("name", "imageRef",
                        "flavorRef", "networks", "security_groups", "key_name", "user_data", "metadata",
                        "availability_zone", "min_count", "max_count", "adminPass", "OS-DCF:diskConfig", "config_drive",
                        "accessIPv4", "accessIPv6", "return_reservation_id"))
                .body("components.schemas.ServerCreateAttributes.properties.keySet()", not(hasItem("others")))
                .body("paths.'/v2.1/servers'.post.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/ServerCreateBody"));
    }

    @Test
    void everyRequestBodyIsPublishedWithItsFields() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.FlavorBody.properties.flavor.$ref", endsWith("/FlavorAttributes"))
                .body("components.schemas.FlavorAttributes.properties.keySet()", hasItems("name", "id", "ram", "vcpus",
                        "disk", "OS-FLV-EXT-DATA:ephemeral", "swap", "rxtx_factor", "os-flavor-access:is_public"))
                .body("components.schemas.FlavorAttributes.properties.keySet()", not(hasItem("others")))
                .body("components.schemas.KeypairAttributes.properties.keySet()", hasItems("name", "public_key"))
                .body("components.schemas.ServerGroupAttributes.properties.keySet()", hasItems("name", "policies"))
                .body("components.schemas.QuotaSetAttributes.properties.keySet()", hasItems("instances", "cores", "ram",
                        "key_pairs", "server_groups", "server_group_members", "metadata_items", "force"))
                .body("components.schemas.ServiceUpdateBody.properties.keySet()", hasItems("host", "binary", "disabled_reason"))
                .body("components.schemas.VolumeAttachmentAttributes.properties.keySet()", hasItems("volumeId", "device"))
                .body("components.schemas.ServerUpdateAttributes.properties.keySet()", hasItems("name", "accessIPv4",
                        "accessIPv6", "OS-DCF:diskConfig"))
                .body("components.schemas.ServerActionBody.properties.keySet()", hasItems("os-stop", "os-start", "reboot",
                        "resize", "confirmResize", "revertResize", "os-getConsoleOutput"))
                .body("components.schemas.ServerActionBody.properties.reboot.$ref", endsWith("/ServerRebootAction"))
                .body("components.schemas.ServerRebootAction.properties.type.enum", hasItems("HARD", "SOFT"))
                .body("paths.'/v2.1/servers/{id}/action'.post.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/ServerActionBody"))
                .body("paths.'/v2.1/os-keypairs'.post.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/KeypairBody"));
    }

    @Test
    void theServerViewsArePublishedWithNovasKeys() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.ServerView.properties.keySet()", hasItems("id", "name", "status", "tenant_id",
                        "hostId", "addresses", "accessIPv4", "links", "OS-DCF:diskConfig", "OS-EXT-AZ:availability_zone",
                        "OS-SRV-USG:launched_at", "OS-EXT-STS:vm_state", "OS-EXT-STS:task_state", "OS-EXT-STS:power_state",
                        "os-extended-volumes:volumes_attached", "security_groups"))
                .body("paths.'/v2.1/servers/{id}'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/ServerOne"))
                .body("paths.'/v2.1/servers/detail'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/ServerMany"))
                .body("paths.'/v2.1/servers'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/ServerBriefMany"));
    }

    @Test
    void theOtherViewsArePublishedWithNovasKeys() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Flavor.properties.keySet()", hasItems("id", "name", "ram", "disk", "swap",
                        "OS-FLV-EXT-DATA:ephemeral", "OS-FLV-DISABLED:disabled", "vcpus", "os-flavor-access:is_public",
                        "rxtx_factor", "links"))
                .body("components.schemas.Keypair.properties.keySet()", hasItems("name", "public_key", "fingerprint",
                        "user_id", "created_at", "deleted"))
                .body("components.schemas.ServerGroup.properties.keySet()", hasItems("id", "name", "policies", "members",
                        "metadata"))
                .body("components.schemas.QuotaSet.properties.keySet()", hasItems("id", "instances", "cores", "ram",
                        "key_pairs", "security_group_rules"))
                .body("components.schemas.AbsoluteLimits.properties.keySet()", hasItems("maxTotalInstances",
                        "maxTotalRAMSize", "totalCoresUsed"))
                .body("components.schemas.ComputeService.properties.keySet()", hasItems("id", "binary", "host", "zone",
                        "status", "state", "updated_at", "disabled_reason"))
                .body("components.schemas.AvailabilityZone.properties.keySet()", hasItems("zoneName", "zoneState", "hosts"))
                .body("components.schemas.VolumeAttachment.properties.keySet()", hasItems("id", "serverId", "volumeId",
                        "device"))
                .body("paths.'/v2.1/flavors/{id}'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/FlavorOne"))
                .body("paths.'/v2.1/os-quota-sets/{project}'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/QuotaSetOne"));
    }

    @Test
    void hypervisorsInstanceActionsAndVersionsArePublished() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Hypervisor.properties.keySet()", hasItems("id", "hypervisor_hostname", "state",
                        "status", "servers"))
                .body("components.schemas.HypervisorStatistics.properties.keySet()", hasItems("count", "vcpus",
                        "memory_mb", "running_vms"))
                .body("components.schemas.InstanceAction.properties.keySet()", hasItems("action", "instance_uuid",
                        "request_id", "start_time", "events"))
                .body("components.schemas.ComputeVersion.properties.keySet()", hasItems("id", "status", "version",
                        "min_version", "links", "media-types"))
                .body("paths.'/v2.1/os-hypervisors/{id}'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/HypervisorOne"));
    }

    /**
     * Every schema names its properties as the JSON does: snake_case, or one of the mixed-case names Nova's API
     * itself has ({@code imageRef}, {@code OS-EXT-STS:vm_state}, ...), never a Java component's camelCase.
     */
    @Test
    void noSchemaPublishesAJavaComponentName() {
        assertEquals(List.of(), OpenApiNames.refused(k -> k.matches("[a-z0-9_:.-]+") || k.startsWith("OS-")
                || k.startsWith("os-") || NOVA_MIXED_CASE.contains(k)));
    }

    /** Nova's own mixed-case keys (its api-ref) that Strato's schemas carry, outside the OS- extensions. */
    private static final Set<String> NOVA_MIXED_CASE = Set.of(
            "maxServerMeta", "maxImageMeta", "maxPersonality", "maxPersonalitySize", "maxTotalKeypairs",
            "maxTotalInstances", "maxTotalCores", "maxTotalRAMSize", "maxServerGroups", "maxServerGroupMembers",
            "totalInstancesUsed", "totalCoresUsed", "totalRAMUsed", "totalServerGroupsUsed", "maxSecurityGroups",
            "maxSecurityGroupRules", "maxTotalFloatingIps", "totalSecurityGroupsUsed", "totalFloatingIpsUsed",
            "zoneName", "zoneState", "availabilityZoneInfo", "addTenantAccess", "removeTenantAccess",
            "instanceActions", "instanceAction", "confirmResize", "revertResize", "imageRef", "flavorRef",
            "adminPass", "accessIPv4", "accessIPv6", "hostId", "serverId", "volumeId", "volumeAttachment",
            "volumeAttachments", "minRam", "minDisk", "injectNetworkInfo", "forceDelete", "addSecurityGroup",
            "removeSecurityGroup", "addFloatingIp", "removeFloatingIp", "availabilityZone", "createdAt",
            "displayName", "displayDescription", "volumeType", "snapshotId", "createImage", "createBackup",
            "interfaceAttachment", "interfaceAttachments");
}
