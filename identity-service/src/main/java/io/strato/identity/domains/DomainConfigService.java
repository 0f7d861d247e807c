package io.strato.identity.domains;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.identity.events.IdentityEvents;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Domain-specific configuration, stored as Keystone's API shows it. Options outside Keystone's list are a 403
 * (its InvalidDomainConfig); a sensitive option is stored and never shown. Writes lock the row, so two
 * concurrent updates of one domain both land.
 */
@ApplicationScoped
public class DomainConfigService {
    private final DomainConfigRepository configs;
    private final DomainRepository domains;
    private final IdentityEvents events;

    public DomainConfigService(DomainConfigRepository configs, DomainRepository domains, IdentityEvents events) {
        this.configs = configs;
        this.domains = domains;
        this.events = events;
    }

    /** The result of a write: the configuration as shown, and whether a new one was made. */
    public record Written(Map<String, Map<String, Object>> config, boolean created) {
    }

    /** PUT: replaces the whole configuration. */
    @WithTransaction
    public Uni<Written> replace(String domainId, Map<String, Map<String, Object>> config) {
        Map<String, Map<String, Object>> checked = checked(config);
        return requireDomain(domainId).chain(() -> configs.findById(domainId, LockModeType.PESSIMISTIC_WRITE))
                .flatMap(existing -> {
                    DomainConfig c = existing != null ? existing : new DomainConfig();
                    c.domainId = domainId;
                    c.config = checked;
                    Uni<DomainConfig> saved = existing != null ? Uni.createFrom().item(c) : configs.persist(c);
                    return saved.call(s -> changed(domainId))
                            .map(s -> new Written(shown(s.config), existing == null));
                });
    }

    /** PATCH of the whole configuration, of a group ({@code group} set) or of one option ({@code option} set). */
    @WithTransaction
    public Uni<Map<String, Map<String, Object>>> update(String domainId, String group, String option,
                                                        Map<String, Object> body) {
        return locked(domainId).flatMap(c -> {
            Map<String, Map<String, Object>> next = copy(c.config);
            if (group == null) {
                checked(asConfig(body)).forEach((g, opts) -> next.computeIfAbsent(g, k -> new LinkedHashMap<>()).putAll(opts));
            } else if (option == null) {
                requireGroup(next, domainId, group);
                Map<String, Map<String, Object>> only = checked(asConfig(body));
                if (only.size() != 1 || !only.containsKey(group)) {
                    throw new InvalidInput("Trying to update group " + group + ", so that, and only that, group must"
                            + " be specified in the config.");
                }
                next.get(group).putAll(only.get(group));
            } else {
                requireOption(next, domainId, group, option);
                if (body == null || body.size() != 1 || !body.containsKey(option)) {
                    throw new InvalidInput("Trying to update option " + option + " in group " + group
                            + ", so that, and only that, option must be specified in the config.");
                }
                next.get(group).put(option, body.get(option));
            }
            c.config = next;
            return changed(domainId).map(v -> shown(next));
        });
    }

    /** DELETE of the whole configuration, a group or an option. */
    @WithTransaction
    public Uni<Void> delete(String domainId, String group, String option) {
        return locked(domainId).flatMap(c -> {
            Map<String, Map<String, Object>> next = copy(c.config);
            if (group != null && option != null) {
                requireOption(next, domainId, group, option);
                next.get(group).remove(option);
                if (next.get(group).isEmpty()) {
                    next.remove(group);
                }
            } else if (group != null) {
                requireGroup(next, domainId, group);
                next.remove(group);
            }
            Uni<Void> write;
            if (group == null || next.isEmpty()) {
                write = configs.delete(c);
            } else {
                c.config = next;
                write = Uni.createFrom().voidItem();
            }
            return write.call(() -> changed(domainId));
        });
    }

    /** The whole configuration as shown, a group ({@code {group: {...}}}) or an option ({@code {option: v}}). */
    @WithSession
    public Uni<Map<String, Object>> get(String domainId, String group, String option) {
        return requireDomain(domainId).chain(() -> configs.findById(domainId)).map(c -> {
            Map<String, Map<String, Object>> shown = c == null ? Map.of() : shown(c.config);
            if (group == null) {
                if (shown.isEmpty()) {
                    throw new NotFound("Could not find domain configuration for domain " + domainId + ".");
                }
                return new LinkedHashMap<>(shown);
            }
            requireGroup(shown, domainId, group);
            if (option == null) {
                return Map.of(group, shown.get(group));
            }
            requireOption(shown, domainId, group, option);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(option, shown.get(group).get(option));
            return one;
        });
    }

    /** Keystone's defaults, whole, of a group or of an option. */
    public Map<String, Object> defaults(String group, String option) {
        if (group == null) {
            return new LinkedHashMap<>(DomainConfigOptions.DEFAULTS);
        }
        if (!DomainConfigOptions.isGroup(group)) {
            throw unsupported(group, null);
        }
        if (option == null) {
            return Map.of(group, DomainConfigOptions.DEFAULTS.get(group));
        }
        if (!DomainConfigOptions.DEFAULTS.get(group).containsKey(option)) {
            throw unsupported(group, option);
        }
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(option, DomainConfigOptions.DEFAULTS.get(group).get(option));
        return one;
    }

    private Uni<DomainConfig> locked(String domainId) {
        return requireDomain(domainId).chain(() -> configs.findById(domainId, LockModeType.PESSIMISTIC_WRITE))
                .onItem().ifNull().failWith(() -> new NotFound(
                        "Could not find domain configuration for domain " + domainId + "."));
    }

    private Uni<Void> requireDomain(String domainId) {
        return domains.findById(domainId).onItem().ifNull()
                .failWith(() -> new NotFound("Could not find domain: " + domainId + ".")).replaceWithVoid();
    }

    private Uni<Void> changed(String domainId) {
        return events.publish("domain_config", "updated", domainId, Map.of("domain_id", domainId));
    }

    /** The body's groups and options, each one Keystone allows; a copy, safe to store. */
    private static Map<String, Map<String, Object>> checked(Map<String, Map<String, Object>> config) {
        if (config == null || config.isEmpty()) {
            throw new InvalidInput("Invalid input for field 'config': it must set at least one option.");
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        config.forEach((group, options) -> {
            if (!DomainConfigOptions.isGroup(group)) {
                throw unsupported(group, null);
            }
            if (options == null || options.isEmpty()) {
                throw new InvalidInput("Invalid input for field 'config." + group + "': it must set an option.");
            }
            options.keySet().forEach(o -> {
                if (!DomainConfigOptions.isOption(group, o)) {
                    throw unsupported(group, o);
                }
            });
            out.put(group, new LinkedHashMap<>(options));
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> asConfig(Map<String, Object> body) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (body != null) {
            body.forEach((group, options) -> {
                if (!(options instanceof Map<?, ?> m)) {
                    throw new InvalidInput("Invalid input for field 'config." + group + "': it must be an object.");
                }
                out.put(group, (Map<String, Object>) m);
            });
        }
        return out;
    }

    private static Map<String, Map<String, Object>> copy(Map<String, Map<String, Object>> config) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (config != null) {
            config.forEach((g, opts) -> out.put(g, new LinkedHashMap<>(opts)));
        }
        return out;
    }

    /** Without the sensitive options, and without groups left empty by leaving them out. */
    private static Map<String, Map<String, Object>> shown(Map<String, Map<String, Object>> config) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        copy(config).forEach((g, opts) -> {
            opts.keySet().removeIf(o -> DomainConfigOptions.isSensitive(g, o));
            if (!opts.isEmpty()) {
                out.put(g, opts);
            }
        });
        return out;
    }

    private static void requireGroup(Map<String, Map<String, Object>> config, String domainId, String group) {
        if (!DomainConfigOptions.isGroup(group)) {
            throw unsupported(group, null);
        }
        if (!config.containsKey(group)) {
            throw new NotFound("Could not find group " + group + " in domain configuration for domain " + domainId + ".");
        }
    }

    private static void requireOption(Map<String, Map<String, Object>> config, String domainId, String group,
                                      String option) {
        requireGroup(config, domainId, group);
        if (!config.get(group).containsKey(option)) {
            throw new NotFound("Could not find option " + option + " in group " + group
                    + " in domain configuration for domain " + domainId + ".");
        }
    }

    private static Forbidden unsupported(String group, String option) {
        return new Forbidden("Invalid domain specific configuration: " + (option == null
                ? "Group " + group + " is not supported for domain specific configurations."
                : "Option " + option + " in group " + group + " is not supported for domain specific configurations."));
    }
}
