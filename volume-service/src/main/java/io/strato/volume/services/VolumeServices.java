package io.strato.volume.services;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.volume.api.VolumeApiConfig;
import io.strato.volume.backend.Backends;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Cinder's services as Strato runs them: one cinder-scheduler on host {@code strato} and one cinder-volume per
 * configured backend on {@code strato@<backend>}, all in this process, so they are up while it answers (their
 * {@code updated_at} is the time of the answer, Cinder's heartbeat). What admins set (disabled with a reason,
 * frozen) is kept in {@link ServiceState} rows.
 */
@ApplicationScoped
public class VolumeServices {
    public static final String SCHEDULER = "cinder-scheduler";
    public static final String VOLUME = "cinder-volume";

    private final Backends backends;
    private final ServiceStateRepository states;
    private final VolumeApiConfig config;

    public VolumeServices(Backends backends, ServiceStateRepository states, VolumeApiConfig config) {
        this.backends = backends;
        this.states = states;
        this.config = config;
    }

    /** One service with what admins set on it. */
    public record Service(String binary, String host, String zone, boolean disabled, String disabledReason, boolean frozen,
                          Instant updatedAt) {
    }

    /** Every service, the scheduler first, filtered by {@code host} (Cinder's match: the host or {@code host@backend}) and {@code binary}. */
    @WithSession
    public Uni<List<Service>> list(String host, String binary) {
        return states.listAll().map(rows -> {
            Map<String, ServiceState> set = rows.stream().collect(Collectors.toMap(r -> r.host + " " + r.binary, Function.identity()));
            List<Service> out = new ArrayList<>();
            for (String[] s : known()) {
                if ((binary == null || binary.equals(s[0])) && (host == null || matches(s[1], host))) {
                    ServiceState st = set.get(s[1] + " " + s[0]);
                    out.add(new Service(s[0], s[1], config.availabilityZone(), st != null && st.disabled,
                            st == null ? null : st.disabledReason, st != null && st.frozen, Instant.now()));
                }
            }
            return out;
        });
    }

    /** Cinder's host filter: the exact host, or a host whose part before {@code @} (and {@code #}) is it. */
    static boolean matches(String serviceHost, String filter) {
        return serviceHost.equals(filter) || serviceHost.startsWith(filter + "@") || serviceHost.startsWith(filter + "#");
    }

    private List<String[]> known() {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {SCHEDULER, Backends.HOST});
        for (String b : backends.all().keySet()) {
            out.add(new String[] {VOLUME, Backends.serviceHost(b)});
        }
        return out;
    }

    /**
     * Enables or disables the service {@code binary} on {@code host} (404 for an unknown host or binary, as Cinder's
     * HostNotFound and ServiceNotFound); {@code reason} kept when disabling with one.
     */
    @WithTransaction
    public Uni<Service> setDisabled(String host, String binary, boolean disabled, String reason) {
        require(host, "host");
        require(binary, "binary");
        if (known().stream().noneMatch(s -> s[1].equals(host))) {
            throw new NotFound("Host " + host + " could not be found.");
        }
        if (known().stream().noneMatch(s -> s[1].equals(host) && s[0].equals(binary))) {
            throw new NotFound("Service " + binary + " could not be found.");
        }
        return row(host, binary).flatMap(st -> {
            st.disabled = disabled;
            st.disabledReason = disabled ? reason : null;
            st.updatedAt = Instant.now();
            return Uni.createFrom().item(st);
        }).map(st -> new Service(binary, host, config.availabilityZone(), st.disabled, st.disabledReason, st.frozen, st.updatedAt));
    }

    /** Freezes or thaws the cinder-volume services on {@code host} (Cinder: 400 when there is none). */
    @WithTransaction
    public Uni<Void> setFrozen(String host, boolean frozen) {
        require(host, "host");
        List<String> hosts = known().stream().filter(s -> s[0].equals(VOLUME) && matches(s[1], host)).map(s -> s[1]).toList();
        if (hosts.isEmpty()) {
            throw new InvalidInput("Invalid host: no cinder-volume service runs on host " + host + ".");
        }
        return Multi.createFrom().iterable(hosts).onItem().transformToUniAndConcatenate(h -> row(h, VOLUME).flatMap(st -> {
            st.frozen = frozen;
            st.updatedAt = Instant.now();
            return Uni.createFrom().item(st);
        })).collect().asList().replaceWithVoid();
    }

    /** The service's row, made first if no admin changed it yet (racing first changes meet on the unique key), locked. */
    private Uni<ServiceState> row(String host, String binary) {
        return states.getSession().chain(s -> s.createNativeQuery("insert into volume_service (id, host, binary_name)"
                        + " values (?1, ?2, ?3) on conflict (host, binary_name) do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, host).setParameter(3, binary).executeUpdate())
                .chain(() -> states.locked(host, binary));
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("Missing required element '" + field + "' in request body.");
        }
    }
}
