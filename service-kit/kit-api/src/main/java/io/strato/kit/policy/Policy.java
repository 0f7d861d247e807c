package io.strato.kit.policy;

import io.quarkus.runtime.StartupEvent;
import io.strato.kit.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a caller may perform an API operation, as oslo.policy's Enforcer does: the
 * defaults of every {@link PolicyRules} bean, overridden rule by rule by the file in
 * {@code strato.policy.file}, compiled once at startup. An operation without a rule falls back to a
 * rule named {@code default} if one exists, else is denied.
 *
 * <pre>{@code
 * policy.enforce("identity:get_user", caller, Map.of("target", Map.of("user", Map.of("id", id, "domain_id", d))));
 * }</pre>
 */
@ApplicationScoped
public class Policy {

    /** Consulted for operations that have no rule of their own. */
    public static final String DEFAULT_RULE = "default";

    private static final Logger LOG = Logger.getLogger(Policy.class);

    private final RuleSet rules;
    private final Set<String> warnedUnknown = ConcurrentHashMap.newKeySet();

    @Inject
    Policy(Instance<PolicyRules> defaults, PolicyConfig config) {
        this(defaults, config.file());
    }

    Policy(Iterable<? extends PolicyRules> defaults, Optional<Path> overrideFile) {
        Map<String, String> merged = merge(defaults);
        overrideFile.ifPresent(file -> {
            Map<String, String> overrides = PolicyFile.read(file);
            LOG.infof("Policy file %s overrides %d rule(s)", file, overrides.size());
            merged.putAll(overrides);
        });
        this.rules = RuleSet.compile(merged);
        Set<String> undefined = rules.undefinedReferences();
        if (!undefined.isEmpty()) {
            LOG.warnf("Policy rules refer to undefined rules %s; those references never pass", undefined);
        }
    }

    /** A policy of the given defaults and no override file, for unit tests of a service's rules. */
    public static Policy of(PolicyRules... defaults) {
        return new Policy(Arrays.asList(defaults), Optional.empty());
    }

    /** A policy of the given defaults overridden by an oslo-style policy file. */
    public static Policy of(Path overrideFile, PolicyRules... defaults) {
        return new Policy(Arrays.asList(defaults), Optional.of(overrideFile));
    }

    /** Compiles the rules when the service starts, so a broken policy file stops it there. */
    void onStart(@Observes StartupEvent started) {
        LOG.debugf("Policy loaded with %d rules", rules.sources().size());
    }

    /**
     * @param operation the rule name, e.g. {@code identity:get_user}
     * @param target    what is acted upon; {@code %(key)s} in rules reads from it (null: empty)
     */
    public boolean allowed(String operation, Caller caller, Map<String, Object> target) {
        Map<String, Object> t = target == null ? Map.of() : target;
        Map<String, Object> creds = caller.credentials();
        if (rules.contains(operation)) {
            return rules.test(operation, t, creds);
        }
        if (warnedUnknown.add(operation)) {
            LOG.warnf("No policy rule for operation %s; %s", operation,
                    rules.contains(DEFAULT_RULE) ? "using rule 'default'" : "denying");
        }
        return rules.test(DEFAULT_RULE, t, creds);
    }

    /** @throws PolicyDenied when {@link #allowed} is false */
    public void enforce(String operation, Caller caller, Map<String, Object> target) {
        if (!allowed(operation, caller, target)) {
            throw new PolicyDenied(operation);
        }
    }

    /** The rule strings in force (defaults with overrides applied), by name, e.g. for a policy dump. */
    public Map<String, String> effectiveRules() {
        return rules.sources();
    }

    private static Map<String, String> merge(Iterable<? extends PolicyRules> sources) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (PolicyRules source : sources) {
            source.defaults().forEach((name, text) -> {
                if (name == null || text == null) {
                    throw new InvalidPolicyException(source.getClass().getName()
                            + " defines a rule with a null name or text: " + name);
                }
                String earlier = merged.putIfAbsent(name, text);
                if (earlier != null && !earlier.equals(text)) {
                    throw new InvalidPolicyException("Policy rule '" + name + "' is defined twice, as \""
                            + earlier + "\" and as \"" + text + "\" (" + source.getClass().getName() + ")");
                }
            });
        }
        return merged;
    }
}
