package io.strato.identity.catalog;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Keystone's default rules for regions, services and endpoints: regions readable by anyone, the rest admin. */
@ApplicationScoped
public class CatalogPolicies implements PolicyRules {
    static final String GET_REGION = "identity:get_region";
    static final String LIST_REGIONS = "identity:list_regions";
    static final String CREATE_REGION = "identity:create_region";
    static final String UPDATE_REGION = "identity:update_region";
    static final String DELETE_REGION = "identity:delete_region";
    static final String GET_SERVICE = "identity:get_service";
    static final String LIST_SERVICES = "identity:list_services";
    static final String CREATE_SERVICE = "identity:create_service";
    static final String UPDATE_SERVICE = "identity:update_service";
    static final String DELETE_SERVICE = "identity:delete_service";
    static final String GET_ENDPOINT = "identity:get_endpoint";
    static final String LIST_ENDPOINTS = "identity:list_endpoints";
    static final String CREATE_ENDPOINT = "identity:create_endpoint";
    static final String UPDATE_ENDPOINT = "identity:update_endpoint";
    static final String DELETE_ENDPOINT = "identity:delete_endpoint";
    static final String GET_ENDPOINT_GROUP = "identity:get_endpoint_group";
    static final String LIST_ENDPOINT_GROUPS = "identity:list_endpoint_groups";
    static final String CREATE_ENDPOINT_GROUP = "identity:create_endpoint_group";
    static final String UPDATE_ENDPOINT_GROUP = "identity:update_endpoint_group";
    static final String DELETE_ENDPOINT_GROUP = "identity:delete_endpoint_group";

    @Override
    public Map<String, String> defaults() {
        String read = "rule:admin_or_system_reader";
        String write = "rule:admin_required";
        return Map.ofEntries(
                // Keystone's check string for region reads is "" (any authenticated caller).
                Map.entry(GET_REGION, "@"),
                Map.entry(LIST_REGIONS, "@"),
                Map.entry(CREATE_REGION, write),
                Map.entry(UPDATE_REGION, write),
                Map.entry(DELETE_REGION, write),
                Map.entry(GET_SERVICE, read),
                Map.entry(LIST_SERVICES, read),
                Map.entry(CREATE_SERVICE, write),
                Map.entry(UPDATE_SERVICE, write),
                Map.entry(DELETE_SERVICE, write),
                Map.entry(GET_ENDPOINT, read),
                Map.entry(LIST_ENDPOINTS, read),
                Map.entry(CREATE_ENDPOINT, write),
                Map.entry(UPDATE_ENDPOINT, write),
                Map.entry(DELETE_ENDPOINT, write),
                Map.entry(GET_ENDPOINT_GROUP, read),
                Map.entry(LIST_ENDPOINT_GROUPS, read),
                Map.entry(CREATE_ENDPOINT_GROUP, write),
                Map.entry(UPDATE_ENDPOINT_GROUP, write),
                Map.entry(DELETE_ENDPOINT_GROUP, write));
    }
}
