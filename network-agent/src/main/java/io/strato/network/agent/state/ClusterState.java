package io.strato.network.agent.state;

import io.strato.network.agent.model.FloatingIpInfo;
import io.strato.network.agent.model.NetworkInfo;
import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.RouterInfo;
import io.strato.network.agent.model.RuleInfo;
import io.strato.network.agent.model.SecurityGroupInfo;
import io.strato.network.agent.model.SubnetInfo;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The agent's copy of the network resources it renders from, fed by a full resync (the API) and kept
 * current by events. Events are triggers carrying the resource as it was; a resource is replaced only by a
 * copy at the same or a higher {@code revision_number}, and a deleted id is remembered so that a late,
 * older event cannot bring it back. A resync replaces everything (it is the truth at that moment).
 *
 * <p>Thread-safe: writers are the event consumer and the resync, the reader is the reconciler.
 */
public final class ClusterState {

    /** How many deleted ids are remembered (oldest forgotten first). */
    private static final int TOMBSTONES = 10_000;

    private final Map<UUID, NetworkInfo> networks = new HashMap<>();
    private final Map<UUID, SubnetInfo> subnets = new HashMap<>();
    private final Map<UUID, PortInfo> ports = new HashMap<>();
    private final Map<UUID, SecurityGroupInfo> groups = new HashMap<>();
    private final Map<UUID, RuleInfo> rules = new HashMap<>();
    private final Map<UUID, RouterInfo> routers = new HashMap<>();
    private final Map<UUID, FloatingIpInfo> floatingIps = new HashMap<>();
    private final Map<UUID, Long> deleted = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
            return size() > TOMBSTONES;
        }
    };
    private long generation;
    private boolean synced;

    public synchronized boolean putNetwork(NetworkInfo n) {
        return put(networks, n.id(), n, n.revision(), NetworkInfo::revision);
    }

    public synchronized boolean putSubnet(SubnetInfo s) {
        return put(subnets, s.id(), s, s.revision(), SubnetInfo::revision);
    }

    public synchronized boolean putPort(PortInfo p) {
        return put(ports, p.id(), p, p.revision(), PortInfo::revision);
    }

    /** A group and the rules its JSON lists (rules are added, never dropped, here: deletions come as rule events). */
    public synchronized boolean putSecurityGroup(SecurityGroupInfo g, Collection<RuleInfo> itsRules) {
        boolean changed = put(groups, g.id(), g, g.revision(), SecurityGroupInfo::revision);
        for (RuleInfo r : itsRules) {
            changed |= putRuleLocked(r);
        }
        return changed;
    }

    public synchronized boolean putRule(RuleInfo r) {
        return putRuleLocked(r);
    }

    public synchronized boolean putRouter(RouterInfo r) {
        return put(routers, r.id(), r, r.revision(), RouterInfo::revision);
    }

    public synchronized boolean putFloatingIp(FloatingIpInfo f) {
        return put(floatingIps, f.id(), f, f.revision(), FloatingIpInfo::revision);
    }

    public synchronized boolean removeRouter(UUID id, long revision) {
        return remove(routers, id, revision);
    }

    public synchronized boolean removeFloatingIp(UUID id, long revision) {
        return remove(floatingIps, id, revision);
    }

    public synchronized boolean removeNetwork(UUID id, long revision) {
        return remove(networks, id, revision);
    }

    public synchronized boolean removeSubnet(UUID id, long revision) {
        return remove(subnets, id, revision);
    }

    public synchronized boolean removePort(UUID id, long revision) {
        return remove(ports, id, revision);
    }

    public synchronized boolean removeSecurityGroup(UUID id, long revision) {
        boolean changed = remove(groups, id, revision);
        changed |= rules.values().removeIf(r -> r.securityGroupId().equals(id));
        if (changed) {
            generation++;
        }
        return changed;
    }

    public synchronized boolean removeRule(UUID id) {
        return remove(rules, id, Long.MAX_VALUE);
    }

    /** Replaces the L2 resources with what a full listing returned, with no routers or floating IPs. */
    public synchronized void replaceAll(Collection<NetworkInfo> ns, Collection<SubnetInfo> ss, Collection<PortInfo> ps,
            Collection<SecurityGroupInfo> gs, Collection<RuleInfo> rs) {
        replaceAll(ns, ss, ps, gs, rs, java.util.List.of(), java.util.List.of());
    }

    /** Replaces everything with what a full listing returned. */
    public synchronized void replaceAll(Collection<NetworkInfo> ns, Collection<SubnetInfo> ss, Collection<PortInfo> ps,
            Collection<SecurityGroupInfo> gs, Collection<RuleInfo> rs, Collection<RouterInfo> rts,
            Collection<FloatingIpInfo> fs) {
        routers.clear();
        floatingIps.clear();
        rts.forEach(r -> routers.put(r.id(), r));
        fs.forEach(f -> floatingIps.put(f.id(), f));
        networks.clear();
        subnets.clear();
        ports.clear();
        groups.clear();
        rules.clear();
        ns.forEach(n -> networks.put(n.id(), n));
        ss.forEach(s -> subnets.put(s.id(), s));
        ps.forEach(p -> ports.put(p.id(), p));
        gs.forEach(g -> groups.put(g.id(), g));
        rs.forEach(r -> rules.put(r.id(), r));
        deleted.clear();
        synced = true;
        generation++;
    }

    /** Whether a full resync has completed at least once (before that, nothing is applied to the host). */
    public synchronized boolean synced() {
        return synced;
    }

    public synchronized long generation() {
        return generation;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(generation, networks, subnets, ports, groups, rules, routers, floatingIps);
    }

    private boolean putRuleLocked(RuleInfo r) {
        if (deleted.containsKey(r.id()) || r.equals(rules.get(r.id()))) {
            return false;
        }
        rules.put(r.id(), r);
        generation++;
        return true;
    }

    private <T> boolean put(Map<UUID, T> map, UUID id, T value, long revision, java.util.function.ToLongFunction<T> rev) {
        Long gone = deleted.get(id);
        if (gone != null && gone >= revision) {
            return false;
        }
        T old = map.get(id);
        if (old != null && (rev.applyAsLong(old) > revision || old.equals(value))) {
            return false;
        }
        deleted.remove(id);
        map.put(id, value);
        generation++;
        return true;
    }

    private <T> boolean remove(Map<UUID, T> map, UUID id, long revision) {
        deleted.put(id, revision);
        if (map.remove(id) != null) {
            generation++;
            return true;
        }
        return false;
    }
}
