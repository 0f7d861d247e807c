package io.strato.network.tags;

import java.util.Map;
import java.util.Optional;

/**
 * A collection whose resources carry tags (standard-attr-tag): its table, the Neutron name of its
 * members (for policy rule names and NotFound types) and who sees its resources besides their owner.
 *
 * @param member  Neutron's member name: network, security_group...
 * @param kind    the resource's name in a NotFound: "Security Group" gives SecurityGroupNotFound
 * @param visible SQL predicate on the table for a caller of project {@code :caller_project}
 */
record TaggedCollection(String member, String table, String kind, String visible) {
    private static final String OWN = "project_id = :caller_project";

    /** By the collection's name in the URL. The table names are only ever taken from here. */
    static final Map<String, TaggedCollection> ALL = Map.of(
            "networks", new TaggedCollection("network", "network", "Network", OWN + " OR shared OR router_external"),
            "subnets", new TaggedCollection("subnet", "subnet", "Subnet",
                    OWN + " OR network_id IN (SELECT n.id FROM network n WHERE n.shared)"),
            "ports", new TaggedCollection("port", "port", "Port", OWN),
            "security-groups", new TaggedCollection("security_group", "security_group", "Security Group", OWN),
            "routers", new TaggedCollection("router", "router", "Router", OWN),
            "floatingips", new TaggedCollection("floatingip", "floating_ip", "Floating IP", OWN),
            "subnetpools", new TaggedCollection("subnetpool", "subnetpool", "Subnet pool", OWN + " OR shared"));

    static Optional<TaggedCollection> named(String collection) {
        return Optional.ofNullable(ALL.get(collection));
    }
}
