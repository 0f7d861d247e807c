package io.strato.compute.flavors;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Flavors, their extra specs and access lists; who may see which flavor is {@link Flavors}' rule. */
@ApplicationScoped
public class FlavorService {
    private final FlavorRepository repository;
    private final FlavorSpecs specs;
    private final Flavors flavors;

    public FlavorService(FlavorRepository repository, FlavorSpecs specs, Flavors flavors) {
        this.repository = repository;
        this.specs = specs;
        this.flavors = flavors;
    }

    /** A page of flavors, with their extra specs when {@code withSpecs}. */
    record Page(List<Flavor> flavors, Map<String, Map<String, String>> specs) {
    }

    @WithSession
    public Uni<Page> list(Caller caller, FlavorQuery q, boolean withSpecs) {
        Uni<Flavor> marker = q.paging().marker() == null ? Uni.createFrom().nullItem()
                : flavors.visible(q.paging().marker(), caller).invoke(m -> {
                    if (m == null) {
                        throw new InvalidInput("marker [" + q.paging().marker() + "] not found");
                    }
                });
        return marker.flatMap(m -> query(caller, q).map(all -> all.stream()
                        .filter(f -> m == null || q.order().compare(f, m) > 0)
                        .sorted(q.order())
                        .limit(q.paging().limit())
                        .toList()))
                .flatMap(page -> (withSpecs ? specs.ofAll(page.stream().map(f -> f.id).toList())
                        : Uni.createFrom().item(Map.<String, Map<String, String>>of()))
                        .map(s -> new Page(page, s)));
    }

    private Uni<List<Flavor>> query(Caller caller, FlavorQuery q) {
        StringBuilder sql = new StringBuilder("SELECT * FROM flavor WHERE TRUE");
        String ownAccess = "(is_public OR id IN (SELECT flavor_id FROM flavor_access WHERE project_id = :p))";
        boolean needsProject = false;
        if (!flavors.isAdmin(caller)) {
            sql.append(" AND NOT disabled AND ").append(ownAccess);
            needsProject = true;
        } else if (Boolean.TRUE.equals(q.isPublic())) {
            sql.append(" AND ").append(ownAccess);
            needsProject = true;
        } else if (Boolean.FALSE.equals(q.isPublic())) {
            sql.append(" AND NOT is_public");
        }
        if (q.minRam() != null) {
            sql.append(" AND memory_mb >= :ram");
        }
        if (q.minDisk() != null) {
            sql.append(" AND root_gb >= :disk");
        }
        boolean withProject = needsProject;
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql.toString(), Flavor.class);
            if (withProject) {
                query.setParameter("p", caller.projectId() == null ? "" : caller.projectId());
            }
            if (q.minRam() != null) {
                query.setParameter("ram", q.minRam());
            }
            if (q.minDisk() != null) {
                query.setParameter("disk", q.minDisk());
            }
            return query.getResultList();
        });
    }

    /** A flavor the caller may see; 404 otherwise. */
    @WithSession
    public Uni<Flavor> show(String id, Caller caller) {
        return visible(id, caller);
    }

    /** The extra specs of a flavor the caller may see. */
    @WithSession
    public Uni<Map<String, String>> specs(String id, Caller caller) {
        return visible(id, caller).flatMap(f -> specs.of(f.id));
    }

    @WithTransaction
    public Uni<Flavor> create(FlavorRequest r) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "SELECT count(*) FROM flavor WHERE name = :n", Long.class)
                        .setParameter("n", r.name()).getSingleResult())
                .invoke(n -> {
                    if (n > 0) {
                        throw new Conflict("Flavor with name " + r.name() + " already exists.");
                    }
                })
                .chain(() -> repository.findById(r.id()))
                .invoke(existing -> {
                    if (existing != null) {
                        throw new Conflict("Flavor with ID " + r.id() + " already exists.");
                    }
                })
                .chain(() -> {
                    Flavor f = new Flavor();
                    f.id = r.id();
                    f.name = r.name();
                    f.description = r.description();
                    f.memoryMb = r.ram();
                    f.vcpus = r.vcpus();
                    f.rootGb = r.disk();
                    f.ephemeralGb = r.ephemeral();
                    f.swap = r.swap();
                    f.rxtxFactor = r.rxtxFactor();
                    f.isPublic = r.isPublic();
                    f.createdAt = Instant.now();
                    f.updatedAt = f.createdAt;
                    return repository.persistAndFlush(f);
                });
    }

    /** The extra specs of a flavor already shown to the caller (the 2.61 views). */
    @WithSession
    public Uni<Map<String, String>> specsOf(String flavorId) {
        return specs.of(flavorId);
    }

    /** Sets the description (2.55); admins only, so any flavor. */
    @WithTransaction
    public Uni<Flavor> describe(String id, String description) {
        return existing(id).invoke(f -> {
            f.description = description;
            f.updatedAt = Instant.now();
        });
    }

    @WithTransaction
    public Uni<Void> delete(String id) {
        return existing(id).flatMap(f -> repository.delete("id", f.id)).replaceWithVoid();
    }

    /** Adds or replaces specs of a flavor the caller may see. */
    @WithTransaction
    public Uni<Void> putSpecs(String id, Caller caller, Map<String, String> values) {
        return visible(id, caller).flatMap(f -> specs.put(f.id, values).invoke(() -> f.updatedAt = Instant.now()));
    }

    @WithTransaction
    public Uni<Void> deleteSpec(String id, Caller caller, String key) {
        return visible(id, caller).flatMap(f -> specs.delete(f.id, key)).invoke(deleted -> {
            if (!deleted) {
                throw noSuchSpec(id, key);
            }
        }).replaceWithVoid();
    }

    static NotFound noSuchSpec(String id, String key) {
        return new NotFound("Flavor " + id + " has no extra specs with key " + key + ".");
    }

    /** The access list of a private flavor; 404 for a public one. */
    @WithSession
    public Uni<List<String>> access(String id) {
        return existing(id).flatMap(f -> {
            if (f.isPublic) {
                return Uni.createFrom().failure(new NotFound("Access list not available for public flavors."));
            }
            return specs.access(f.id);
        });
    }

    @WithTransaction
    public Uni<List<String>> grant(String id, String project) {
        return existing(id).flatMap(f -> {
            if (f.isPublic) {
                return Uni.createFrom().failure(new Conflict("Can not add access to a public flavor."));
            }
            return specs.grant(f.id, project).invoke(added -> {
                if (!added) {
                    throw new Conflict("Flavor access already exists for flavor " + id + " and project " + project + " combination.");
                }
            }).chain(() -> specs.access(f.id));
        });
    }

    @WithTransaction
    public Uni<List<String>> revoke(String id, String project) {
        return existing(id).flatMap(f -> specs.revoke(f.id, project).invoke(removed -> {
            if (!removed) {
                throw new NotFound("Flavor access not found for " + id + " / " + project + " combination.");
            }
        }).chain(() -> specs.access(f.id)));
    }

    private Uni<Flavor> visible(String id, Caller caller) {
        return flavors.visible(id, caller).invoke(f -> {
            if (f == null) {
                throw notFound(id);
            }
        });
    }

    private Uni<Flavor> existing(String id) {
        return repository.findById(id).invoke(f -> {
            if (f == null) {
                throw notFound(id);
            }
        });
    }

    static NotFound notFound(String id) {
        return new NotFound("Flavor " + id + " could not be found.");
    }
}
