package io.strato.network.versions;

import java.util.List;

/**
 * The Neutron API extensions Strato honours: exactly these, because clients decide what to send and
 * show from this list (openstacksdk, Tempest's feature checks, Terraform).
 */
final class Extensions {
    record Extension(String alias, String name, String description) {
    }

    static final String UPDATED = "2026-11-27T00:00:00-00:00";

    static final List<Extension> ALL = List.of(
            new Extension("security-group", "security-group", "The security groups extension."),
            new Extension("router", "Neutron L3 Router", "Router abstraction for basic L3 forwarding between L2 networks and gateway."),
            new Extension("ext-gw-mode", "Neutron L3 Configurable external gateway mode", "Extension of the router abstraction for specifying whether SNAT should occur on the external gateway."),
            new Extension("extraroute", "Neutron Extra Route", "Extra routes configuration for L3 router."),
            new Extension("extraroute-atomic", "Atomically add/remove extra routes", "Edit extra routes of a router on server side by atomically adding/removing extra routes"),
            new Extension("external-net", "Neutron external network", "Adds external network attribute to network resource."),
            new Extension("quotas", "Quota management support", "Expose functions for quotas management per project."),
            new Extension("standard-attr-tag", "Tag support for resources with standard attribute: subnet, trunk, network_segment_range, router, network, policy, subnetpool, port, security_group, floatingip", "Enables to set tag on resources with standard attribute."),
            new Extension("standard-attr-description", "standard-attr-description", "Extension to add descriptions to standard attributes."),
            new Extension("standard-attr-timestamp", "Resource timestamps", "Adds created_at and updated_at fields to all Neutron resources that have Neutron standard attributes."),
            new Extension("standard-attr-revisions", "Resource revision numbers", "This extension will display the revision number of neutron resources."),
            new Extension("allowed-address-pairs", "Allowed Address Pairs", "Provides allowed address pairs."),
            new Extension("port-security", "Port Security", "Provides port security."),
            new Extension("binding", "Port Binding", "Expose port bindings of a virtual port to external application."),
            new Extension("provider", "Provider Network", "Expose mapping of virtual networks to physical networks."),
            new Extension("net-mtu", "Network MTU", "Provides MTU attribute for a network resource."),
            new Extension("project-id", "project_id field enabled", "Extension that indicates that project_id field is enabled."),
            new Extension("sorting", "Sorting support", "Enables sorting support."),
            new Extension("pagination", "Pagination support", "Enables pagination support."),
            new Extension("agent", "agent", "The agent management extension."),
            new Extension("l3_agent_scheduler", "L3 Agent Scheduler", "Schedule routers among l3 agents"),
            new Extension("subnet_allocation", "Subnet Allocation", "Enables allocation of subnets from a subnet pool"),
            new Extension("default-subnetpools", "Default Subnetpools", "Provides ability to mark and use a subnetpool as the default."),
            new Extension("service-type", "Neutron Service Type Management", "API for retrieving service providers for Neutron advanced services"),
            new Extension("fip-port-details", "Floating IP Port Details Extension", "Add port_details attribute to Floating IP resource."),
            new Extension("quota_details", "Quota details management support", "Expose functions for quotas usage statistics per project"),
            new Extension("ip-substring-filtering", "IP address substring filtering", "Provides IP address substring filtering when listing ports"),
            new Extension("extra_dhcp_opt", "Neutron Extra DHCP options", "Extra options configuration for DHCP. For example PXE boot options to DHCP clients can be specified (e.g. tftp-server, server-ip-address, bootfile-name)"));

    private Extensions() {
    }
}
