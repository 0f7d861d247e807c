package io.strato.compute.aggregates;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.LockMode;

/**
 * Host aggregates and their hosts, with Nova's rules for zones: a host is in at most one availability zone (adding
 * it to an aggregate of another zone is refused), a zone is never emptied by name, and an aggregate's zone changes
 * only while no server runs on its hosts. Writes lock the aggregate's row (and the host's, for membership).
 */
@ApplicationScoped
public class AggregateService {
    private final AggregateRepository aggregates;

    public AggregateService(AggregateRepository aggregates) {
        this.aggregates = aggregates;
    }

    /** An aggregate and the names of its hosts. */
    public record WithHosts(Aggregate aggregate, List<String> hosts) {
    }

    @WithSession
    public Uni<List<WithHosts>> list() {
        return aggregates.listAll(Sort.by("id")).flatMap(this::withHosts);
    }

    @WithSession
    public Uni<WithHosts> show(int id) {
        return aggregates.findById(id).invoke(a -> {
            if (a == null) {
                throw notFound(id);
            }
        }).flatMap(this::withHosts);
    }

    /** A new aggregate; 409 when the name is taken. */
    @WithTransaction
    public Uni<Aggregate> create(AggregateRequest.Create r) {
        Aggregate a = new Aggregate();
        a.uuid = UUID.randomUUID();
        a.name = r.name();
        a.metadata = new HashMap<>();
        if (r.availabilityZone() != null) {
            a.metadata.put(Aggregate.ZONE, r.availabilityZone());
        }
        a.createdAt = Instant.now();
        return nameFree(r.name()).chain(() -> aggregates.persistAndFlush(a));
    }

    /** Renames and/or moves the aggregate to another zone (400 as Nova's InvalidAggregateActionUpdate). */
    @WithTransaction
    public Uni<WithHosts> update(int id, AggregateRequest.Update u) {
        return locked(id).flatMap(this::withHosts).call(w -> u.name() == null || u.name().equals(w.aggregate().name)
                        ? Uni.createFrom().voidItem() : nameFree(u.name()))
                .call(w -> u.zoneGiven() ? zoneChange(w, u.availabilityZone(), "Cannot update aggregate ")
                        : Uni.createFrom().voidItem())
                .invoke(w -> {
                    Aggregate a = w.aggregate();
                    if (u.name() != null) {
                        a.name = u.name();
                    }
                    if (u.zoneGiven()) {
                        a.metadata = with(a.metadata, Map.of(Aggregate.ZONE, u.availabilityZone()));
                    }
                    a.updatedAt = Instant.now();
                });
    }

    /** Merges metadata into the aggregate's (a null value removes the key); the zone key follows the zone's rules. */
    @WithTransaction
    public Uni<WithHosts> setMetadata(int id, Map<String, String> metadata) {
        return locked(id).flatMap(this::withHosts)
                .call(w -> metadata.containsKey(Aggregate.ZONE)
                        ? zoneChange(w, metadata.get(Aggregate.ZONE), "Cannot update metadata of aggregate ")
                        : Uni.createFrom().voidItem())
                .invoke(w -> {
                    w.aggregate().metadata = with(w.aggregate().metadata, metadata);
                    w.aggregate().updatedAt = Instant.now();
                });
    }

    /** Deletes an aggregate with no hosts (400 while it has some, as Nova). */
    @WithTransaction
    public Uni<Void> delete(int id) {
        return locked(id).flatMap(this::withHosts).call(w -> {
            if (!w.hosts().isEmpty()) {
                throw new InvalidInput("Cannot remove host from aggregate " + id + ". Reason: Host aggregate is not empty.");
            }
            return aggregates.delete(w.aggregate());
        }).replaceWithVoid();
    }

    /** Adds a compute host: 404 for an unknown host or aggregate, 409 when already in, or in another zone. */
    @WithTransaction
    public Uni<WithHosts> addHost(int id, String host) {
        return lockHost(host, new NotFound("Compute host " + host + " could not be found."))
                .chain(() -> locked(id)).flatMap(this::withHosts)
                .call(w -> {
                    if (w.hosts().contains(host)) {
                        throw new Conflict("Aggregate " + id + " already has host " + host + ".");
                    }
                    String zone = w.aggregate().availabilityZone();
                    return zone == null ? Uni.createFrom().voidItem() : otherZones(id, List.of(host), zone).invoke(others -> {
                        if (!others.isEmpty()) {
                            throw new Conflict("Cannot add host to aggregate " + id + ". Reason: One or more hosts already in "
                                    + "availability zone(s) " + pythonList(others) + ".");
                        }
                    });
                })
                .call(w -> session().flatMap(s -> s.createNativeQuery(
                                "INSERT INTO aggregate_host (aggregate_id, host) VALUES (:a, :h)")
                        .setParameter("a", id).setParameter("h", host).executeUpdate()))
                .map(w -> new WithHosts(w.aggregate(), plus(w.hosts(), host)));
    }

    /** Removes a host; 404 (Nova's one message) when the host, the aggregate or the membership is unknown. */
    @WithTransaction
    public Uni<WithHosts> removeHost(int id, String host) {
        NotFound missing = new NotFound("Cannot remove host " + host + " in aggregate " + id);
        return lockHost(host, missing)
                .chain(() -> session().flatMap(s -> s.find(Aggregate.class, id, LockMode.PESSIMISTIC_WRITE)))
                .invoke(a -> {
                    if (a == null) {
                        throw missing;
                    }
                })
                .call(a -> session().flatMap(s -> s.createNativeQuery(
                                "DELETE FROM aggregate_host WHERE aggregate_id = :a AND host = :h")
                        .setParameter("a", id).setParameter("h", host).executeUpdate()).invoke(n -> {
                            if (n == 0) {
                                throw missing;
                            }
                        }))
                .flatMap(this::withHosts);
    }

    static NotFound notFound(Object id) {
        return new NotFound("Aggregate " + id + " could not be found.");
    }

    private Uni<Void> nameFree(String name) {
        return aggregates.count("name", name).invoke(n -> {
            if (n > 0) {
                throw new Conflict("Aggregate " + name + " already exists.");
            }
        }).replaceWithVoid();
    }

    /**
     * Nova's is_safe_to_update_az for an update or set_metadata: the zone may not be emptied, no host of the
     * aggregate may be in another aggregate's zone, and the zone changes only while its hosts run no server.
     */
    private Uni<Void> zoneChange(WithHosts w, String zone, String refused) {
        Aggregate a = w.aggregate();
        String prefix = refused + a.id + ". Reason: ";
        if (zone == null || zone.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(prefix + "Aggregate " + a.name
                    + " does not support empty named availability zone."));
        }
        if (w.hosts().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return otherZones(a.id, w.hosts(), zone).invoke(others -> {
            if (!others.isEmpty()) {
                throw new InvalidInput(prefix + "One or more hosts already in availability zone(s) " + pythonList(others) + ".");
            }
        }).chain(() -> zone.equals(a.availabilityZone()) ? Uni.createFrom().item(0L) : session().flatMap(s -> s.createNativeQuery(
                        "SELECT count(*) FROM server WHERE host IN (:h) AND vm_state <> 'deleted'", Long.class)
                .setParameter("h", w.hosts()).getSingleResult())).invoke(n -> {
            if (n > 0) {
                throw new InvalidInput(prefix + "One or more hosts contain instances in this zone.");
            }
        }).replaceWithVoid();
    }

    /** The zones other than {@code zone} of the other aggregates holding any of {@code hosts}. */
    private Uni<List<String>> otherZones(int id, List<String> hosts, String zone) {
        return session().flatMap(s -> s.createNativeQuery("SELECT DISTINCT a.metadata ->> 'availability_zone' FROM aggregate a "
                        + "JOIN aggregate_host ah ON ah.aggregate_id = a.id WHERE ah.host IN (:h) AND a.id <> :a "
                        + "AND a.metadata ->> 'availability_zone' IS NOT NULL AND a.metadata ->> 'availability_zone' <> :z", String.class)
                .setParameter("h", hosts).setParameter("a", id).setParameter("z", zone).getResultList());
    }

    private Uni<Aggregate> locked(int id) {
        return session().flatMap(s -> s.find(Aggregate.class, id, LockMode.PESSIMISTIC_WRITE)).invoke(a -> {
            if (a == null) {
                throw notFound(id);
            }
        });
    }

    /** Locks the host's row, so two aggregates cannot take it into two zones at once; {@code missing} when none. */
    private Uni<Void> lockHost(String host, RuntimeException missing) {
        return session().flatMap(s -> s.createNativeQuery("SELECT host FROM compute_host WHERE host = :h FOR UPDATE", String.class)
                .setParameter("h", host).getResultList()).invoke(rows -> {
                    if (rows.isEmpty()) {
                        throw missing;
                    }
                }).replaceWithVoid();
    }

    private Uni<WithHosts> withHosts(Aggregate a) {
        return withHosts(List.of(a)).map(l -> l.get(0));
    }

    private Uni<List<WithHosts>> withHosts(List<Aggregate> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session().flatMap(s -> s.createNativeQuery(
                        "SELECT aggregate_id, host FROM aggregate_host WHERE aggregate_id IN (:a) ORDER BY host", Object[].class)
                .setParameter("a", list.stream().map(a -> a.id).toList()).getResultList()).map(rows -> {
                    Map<Integer, List<String>> hosts = rows.stream().collect(Collectors.groupingBy(
                            r -> ((Number) r[0]).intValue(), Collectors.mapping(r -> (String) r[1], Collectors.toList())));
                    return list.stream().map(a -> new WithHosts(a, hosts.getOrDefault(a.id, List.of()))).toList();
                });
    }

    private static Map<String, String> with(Map<String, String> current, Map<String, String> changes) {
        Map<String, String> out = new HashMap<>(current == null ? Map.of() : current);
        changes.forEach((k, v) -> {
            if (v == null) {
                out.remove(k);
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    private static List<String> plus(List<String> hosts, String host) {
        List<String> out = new ArrayList<>(hosts);
        out.add(host);
        out.sort(null);
        return out;
    }

    /** As Nova's messages print a Python list: {@code ['az1', 'az2']}. */
    private static String pythonList(List<String> values) {
        return values.stream().sorted().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private static Uni<org.hibernate.reactive.mutiny.Mutiny.Session> session() {
        return Panache.getSession();
    }
}
