package io.strato.network.versions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** /q/openapi describes the typed bodies: a client generator sees a port create's real fields. */
@QuarkusTest
class OpenApiTest {

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
}
