package io.strato.network.versions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.OpenApiNames;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /q/openapi describes the typed bodies and views: a client generator sees a port's real fields, asked and answered. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class OpenApiTest {

    @Test
    void theResponsesArePublishedAsViewsWithTheirAttributes() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.PortView.properties.keySet()", hasItems("id", "network_id", "mac_address",
                        "fixed_ips", "security_groups", "allowed_address_pairs", "port_security_enabled", "device_owner",
                        "binding:vnic_type", "binding:host_id", "binding:vif_details", "project_id", "revision_number"))
                .body("components.schemas.PortView.properties.fixed_ips.items.$ref", endsWith("/FixedIpView"))
                .body("components.schemas.PortResponse.properties.port.$ref", endsWith("/PortView"))
                .body("components.schemas.PortListResponse.properties.ports.items.$ref", endsWith("/PortView"))
                .body("components.schemas.PortListResponse.properties.keySet()", hasItems("ports", "ports_links"))
                .body("components.schemas.NetworkView.properties.keySet()", hasItems("subnets", "router:external", "mtu",
                        "provider:network_type", "provider:segmentation_id", "tags", "created_at"))
                .body("components.schemas.SubnetView.properties.allocation_pools.items.$ref", endsWith("/AllocationPool"))
                .body("components.schemas.SecurityGroupView.properties.security_group_rules.items.$ref",
                        endsWith("/SecurityGroupRuleView"))
                .body("components.schemas.SecurityGroupRuleView.properties.keySet()", hasItems("direction", "ethertype",
                        "protocol", "port_range_min", "remote_ip_prefix", "remote_group_id", "belongs_to_default_sg"))
                .body("components.schemas.RouterView.properties.external_gateway_info.$ref", endsWith("/GatewayInfo"))
                .body("components.schemas.FloatingIpView.properties.keySet()", hasItems("floating_ip_address",
                        "floating_network_id", "port_id", "fixed_ip_address", "router_id", "port_details"))
                .body("paths.'/v2.0/ports'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/PortListResponse"))
                .body("paths.'/v2.0/ports/{id}'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/PortResponse"))
                .body("paths.'/v2.0/networks'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/NetworkListResponse"))
                .body("paths.'/v2.0/security-group-rules/{id}'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/SecurityGroupRuleResponse"))
                .body("paths.'/v2.0/routers/{id}/add_router_interface'.put.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/RouterInterfaceInfo"))
                .body("paths.'/v2.0/floatingips/{id}'.put.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/FloatingIpResponse"))
                .body("paths.'/v2.0/ports'.post.responses.'201'.content.'application/json'.schema.$ref",
                        endsWith("/PortResponse"));
    }

    @Test
    void quotasExtensionsVersionsAndTagsArePublishedAsViews() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.QuotaView.properties.keySet()", hasItems("network", "subnet", "port", "router",
                        "floatingip", "security_group", "security_group_rule"))
                .body("components.schemas.QuotaDetails.properties.network.$ref", endsWith("/Usage"))
                .body("components.schemas.Usage.properties.keySet()", hasItems("limit", "used", "reserved"))
                .body("paths.'/v2.0/quotas/{project}'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/QuotaResponse"))
                .body("components.schemas.AgentView.properties.keySet()", hasItems("id", "agent_type", "binary", "host",
                        "topic", "alive", "admin_state_up", "availability_zone", "heartbeat_timestamp", "started_at",
                        "created_at", "configurations", "resources_synced", "description"))
                .body("components.schemas.AgentView.properties.configurations.$ref", endsWith("/AgentConfigurations"))
                .body("components.schemas.AgentBody.properties.agent.$ref", endsWith("/AgentAttributes"))
                .body("components.schemas.AgentAttributes.properties.keySet()", hasItems("admin_state_up", "description"))
                .body("components.schemas.AgentAttributes.properties.keySet()", not(hasItem("others")))
                .body("paths.'/v2.0/agents'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/AgentListResponse"))
                .body("paths.'/v2.0/agents/{id}'.put.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/AgentResponse"))
                .body("paths.'/v2.0/extensions'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/ExtensionListResponse"))
                .body("components.schemas.ExtensionView.properties.keySet()", hasItems("alias", "name", "description",
                        "updated", "links"))
                .body("paths.'/'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/VersionListResponse"))
                .body("paths.'/v2.0/networks/{id}/tags'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/TagsResponse"));
    }

    @Test
    void thePortBodyIsPublishedWithItsFields() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.PortBody.properties.port.$ref", org.hamcrest.Matchers.endsWith("/PortAttributes"))
                .body("components.schemas.PortAttributes.properties.keySet()", hasItems("network_id", "fixed_ips",
                        "security_groups", "mac_address", "allowed_address_pairs", "port_security_enabled", "binding:host_id"))
                .body("components.schemas.PortAttributes.properties.keySet()", not(hasItem("others")))
                .body("paths.'/v2.0/ports'.post.requestBody.content.'application/json'.schema.$ref",
                        org.hamcrest.Matchers.endsWith("/PortBody"));
    }

    @Test
    void theNetworkSubnetAndSecurityGroupBodiesArePublishedWithTheirFields() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.NetworkBody.properties.network.$ref", endsWith("/NetworkAttributes"))
                .body("components.schemas.NetworkAttributes.properties.keySet()", hasItems("name", "admin_state_up",
                        "shared", "router:external", "mtu", "provider:network_type", "provider:segmentation_id", "tags"))
                .body("components.schemas.SubnetBody.properties.subnet.$ref", endsWith("/SubnetAttributes"))
                .body("components.schemas.SubnetAttributes.properties.keySet()", hasItems("network_id", "cidr",
                        "ip_version", "gateway_ip", "allocation_pools", "dns_nameservers", "host_routes", "enable_dhcp"))
                .body("components.schemas.SecurityGroupBody.properties.security_group.$ref",
                        endsWith("/SecurityGroupAttributes"))
                .body("components.schemas.SecurityGroupAttributes.properties.keySet()",
                        hasItems("name", "description", "stateful"))
                .body("components.schemas.SecurityGroupRuleBody.properties.security_group_rule.$ref",
                        endsWith("/SecurityGroupRuleAttributes"))
                .body("components.schemas.SecurityGroupRuleAttributes.properties.keySet()", hasItems("security_group_id",
                        "direction", "ethertype", "protocol", "port_range_min", "port_range_max", "remote_ip_prefix",
                        "remote_group_id"))
                .body("components.schemas.NetworkAttributes.properties.keySet()", not(hasItem("others")))
                .body("components.schemas.SecurityGroupRuleAttributes.properties.keySet()", not(hasItem("others")))
                .body("paths.'/v2.0/networks'.post.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/NetworkBody"))
                .body("paths.'/v2.0/networks/{id}'.put.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/NetworkBody"))
                .body("paths.'/v2.0/subnets'.post.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/SubnetBody"))
                .body("paths.'/v2.0/security-groups'.post.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/SecurityGroupBody"))
                .body("paths.'/v2.0/security-group-rules'.post.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/SecurityGroupRuleBody"));
    }

    @Test
    void theRouterAndFloatingIpBodiesArePublishedWithTheirFields() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.RouterBody.properties.router.$ref", endsWith("/RouterAttributes"))
                .body("components.schemas.RouterAttributes.properties.keySet()", hasItems("name", "admin_state_up",
                        "external_gateway_info", "routes", "distributed", "ha"))
                .body("components.schemas.RouterInterfaceBody.properties.keySet()", hasItems("subnet_id", "port_id"))
                .body("components.schemas.FloatingIpBody.properties.floatingip.$ref", endsWith("/FloatingIpAttributes"))
                .body("components.schemas.FloatingIpAttributes.properties.keySet()", hasItems("floating_network_id",
                        "floating_ip_address", "subnet_id", "port_id", "fixed_ip_address"))
                .body("components.schemas.RouterAttributes.properties.keySet()", not(hasItem("others")))
                .body("paths.'/v2.0/routers'.post.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/RouterBody"))
                .body("paths.'/v2.0/routers/{id}/add_router_interface'.put.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/RouterInterfaceBody"))
                .body("paths.'/v2.0/routers/{id}/add_extraroutes'.put.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/RouterBody"))
                .body("paths.'/v2.0/floatingips'.post.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/FloatingIpBody"));
    }

    @Test
    void theQuotaAndTagBodiesArePublishedWithTheirFields() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.QuotaBody.properties.quota.$ref", endsWith("/QuotaAttributes"))
                .body("components.schemas.QuotaAttributes.properties.keySet()", hasItems("network", "subnet", "port",
                        "router", "floatingip", "security_group", "security_group_rule"))
                .body("components.schemas.TagsBody.properties.keySet()", hasItems("tags"))
                .body("paths.'/v2.0/quotas/{project}'.put.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/QuotaBody"))
                .body("paths.'/v2.0/networks/{id}/tags'.put.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/TagsBody"));
    }

    /** Every schema names its properties as the JSON does: snake_case, Neutron's {@code x:y}, never a Java component. */
    @Test
    void noSchemaPublishesAJavaComponentName() {
        assertEquals(List.of(), OpenApiNames.refused(k -> k.matches("[a-z0-9_:]+")));
    }
}
