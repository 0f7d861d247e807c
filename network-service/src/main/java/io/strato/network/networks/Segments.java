package io.strato.network.networks;

import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.Unavailable;
import io.strato.network.api.Neutron;
import io.strato.network.config.NetworkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Gives a new network its segment: a VXLAN VNI or a VLAN id from the configured ranges (tenant
 * networks), or the provider attributes an admin asked for, checked as Neutron's type drivers check
 * them. Choosing and inserting are serialised per network type by a transaction-scoped advisory lock;
 * the unique index on (type, physical network, id) stays the last line of defence.
 */
@ApplicationScoped
public class Segments {
    private final NetworkConfig config;
    private final SegmentRanges ranges;

    public Segments(NetworkConfig config) {
        this.config = config;
        this.ranges = SegmentRanges.parse(config.vniRanges(), config.vlanRanges());
    }

    /** What the request asked for; all null for a tenant network. */
    public record Provider(String networkType, String physicalNetwork, Integer segmentationId) {
        boolean any() {
            return networkType != null || physicalNetwork != null || segmentationId != null;
        }
    }

    /** Sets the network's type, physical network and segmentation id. Runs in the create's transaction. */
    public Uni<Void> assign(Mutiny.Session s, Network n, Provider p) {
        String type = p.networkType() != null ? p.networkType() : p.any() ? null : config.tenantNetworkType();
        if (type == null) {
            throw Neutron.invalid("provider:network_type required");
        }
        n.networkType = type;
        return switch (type) {
            case "vxlan" -> vxlan(s, n, p);
            case "vlan" -> vlan(s, n, p);
            case "flat" -> flat(s, n, p);
            default -> throw Neutron.invalid("provider:network_type value '" + type + "' not supported");
        };
    }

    private Uni<Void> vxlan(Mutiny.Session s, Network n, Provider p) {
        if (p.physicalNetwork() != null) {
            throw Neutron.invalid("provider:physical_network specified for vxlan network");
        }
        Integer id = p.segmentationId();
        if (id != null && (id < 1 || id > SegmentRanges.MAX_VNI)) {
            throw Neutron.invalid("provider:segmentation_id out of range (1 through " + SegmentRanges.MAX_VNI + ")");
        }
        return lock(s, "vxlan").chain(() -> id != null
                ? taken(s, "vxlan", "", id).map(t -> {
                    if (t) {
                        throw Neutron.conflict("TunnelIdInUse", "Unable to create the network. The tunnel ID " + id + " is in use.");
                    }
                    n.segmentationId = id;
                    return null;
                })
                : firstFree(s, "vxlan", "", ranges.vnis()).map(free -> {
                    n.segmentationId = free;
                    return null;
                })).replaceWithVoid();
    }

    private Uni<Void> vlan(Mutiny.Session s, Network n, Provider p) {
        String physnet = p.physicalNetwork();
        Integer id = p.segmentationId();
        if (physnet != null && !ranges.vlans().containsKey(physnet)) {
            throw Neutron.invalid("provider:physical_network '" + physnet + "' unknown for vlan provider network");
        }
        if (id != null && physnet == null) {
            throw Neutron.invalid("provider:physical_network required for vlan provider network with a segmentation id");
        }
        if (id != null && (id < 1 || id > SegmentRanges.MAX_VLAN)) {
            throw Neutron.invalid("provider:segmentation_id out of range (1 through " + SegmentRanges.MAX_VLAN + ")");
        }
        if (id != null) {
            return lock(s, "vlan").chain(() -> taken(s, "vlan", physnet, id)).map(t -> {
                if (t) {
                    throw Neutron.conflict("VlanIdInUse", "Unable to create the network. The VLAN " + id
                            + " on physical network " + physnet + " is in use.");
                }
                n.physicalNetwork = physnet;
                n.segmentationId = id;
                return null;
            }).replaceWithVoid();
        }
        List<String> physnets = physnet != null ? List.of(physnet) : new ArrayList<>(ranges.vlans().keySet());
        return lock(s, "vlan").chain(() -> firstVlan(s, n, physnets));
    }

    private Uni<Void> firstVlan(Mutiny.Session s, Network n, List<String> physnets) {
        if (physnets.isEmpty()) {
            return Uni.createFrom().failure(noneAvailable());
        }
        String physnet = physnets.get(0);
        return firstFreeOrNull(s, "vlan", physnet, ranges.vlans().get(physnet)).flatMap(free -> {
            if (free == null) {
                return firstVlan(s, n, physnets.subList(1, physnets.size()));
            }
            n.physicalNetwork = physnet;
            n.segmentationId = free;
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> flat(Mutiny.Session s, Network n, Provider p) {
        String physnet = p.physicalNetwork();
        if (physnet == null) {
            throw Neutron.invalid("provider:physical_network required for flat provider network");
        }
        if (p.segmentationId() != null) {
            throw Neutron.invalid("provider:segmentation_id specified for flat provider network");
        }
        if (!ranges.vlans().containsKey(physnet)) {
            throw Neutron.invalid("provider:physical_network '" + physnet + "' unknown for flat provider network");
        }
        return lock(s, "flat").chain(() -> s.createNativeQuery(
                        "SELECT count(*) FROM network WHERE network_type = 'flat' AND physical_network = :p", Long.class)
                .setParameter("p", physnet).getSingleResult()).map(used -> {
            if (used > 0) {
                throw Neutron.conflict("FlatNetworkInUse", "Unable to create the flat network. Physical network "
                        + physnet + " is in use.");
            }
            n.physicalNetwork = physnet;
            return null;
        }).replaceWithVoid();
    }

    private static Uni<Void> lock(Mutiny.Session s, String type) {
        return s.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtext(:k)) AS text)", String.class)
                .setParameter("k", "strato.network.segment." + type).getResultList().replaceWithVoid();
    }

    private static Uni<Boolean> taken(Mutiny.Session s, String type, String physnet, int id) {
        return s.createNativeQuery("SELECT count(*) FROM network WHERE network_type = :t "
                        + "AND coalesce(physical_network, '') = :p AND segmentation_id = :id", Long.class)
                .setParameter("t", type).setParameter("p", physnet).setParameter("id", id)
                .getSingleResult().map(n -> n > 0);
    }

    private Uni<Integer> firstFree(Mutiny.Session s, String type, String physnet, List<SegmentRanges.Range> in) {
        return firstFreeOrNull(s, type, physnet, in).onItem().ifNull().failWith(this::noneAvailable);
    }

    /**
     * The lowest id of the ranges (in order) no network of this type and physical network uses: the
     * range's first id or the one after a used id, whichever is free first. It reads the used ids (through
     * the unique index), never the whole range, so a range of millions of VNIs costs what its networks cost.
     */
    private static Uni<Integer> firstFreeOrNull(Mutiny.Session s, String type, String physnet, List<SegmentRanges.Range> in) {
        Uni<Integer> chain = Uni.createFrom().nullItem();
        for (SegmentRanges.Range r : in) {
            chain = chain.flatMap(found -> found != null ? Uni.createFrom().item(found)
                    : s.createNativeQuery("SELECT g.c FROM (SELECT CAST(:lo AS integer) AS c "
                                    + "UNION ALL SELECT n.segmentation_id + 1 FROM network n WHERE n.network_type = :t "
                                    + "AND coalesce(n.physical_network, '') = :p AND n.segmentation_id >= :lo AND n.segmentation_id < :hi) g "
                                    + "WHERE NOT EXISTS (SELECT 1 FROM network m WHERE m.network_type = :t "
                                    + "AND coalesce(m.physical_network, '') = :p AND m.segmentation_id = g.c) ORDER BY g.c LIMIT 1", Integer.class)
                            .setParameter("lo", r.min()).setParameter("hi", r.max()).setParameter("t", type).setParameter("p", physnet)
                            .getResultList().map(rows -> rows.isEmpty() ? null : rows.get(0)));
        }
        return chain;
    }

    private Unavailable noneAvailable() {
        return new Unavailable("Unable to create the network. No tenant network is available for allocation.");
    }
}
