package io.strato.kit.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiled rules by name, checked once when built: every rule parses and no rule refers back to
 * itself through {@code rule:} references. Immutable, so requests share it without locking.
 */
final class RuleSet {

    private final Map<String, Rule> rules;
    private final Map<String, String> sources;

    private RuleSet(Map<String, Rule> rules, Map<String, String> sources) {
        this.rules = rules;
        this.sources = sources;
    }

    /** @throws InvalidPolicyException when a rule does not parse or rules refer to each other in a cycle */
    static RuleSet compile(Map<String, String> definitions) {
        Map<String, Rule> compiled = new HashMap<>();
        definitions.forEach((name, text) -> compiled.put(name, RuleParser.parse(name, text)));
        new CycleFinder(compiled).check();
        return new RuleSet(Map.copyOf(compiled), Map.copyOf(definitions));
    }

    boolean contains(String name) {
        return rules.containsKey(name);
    }

    /** Whether the named rule passes; a rule that is not defined fails. */
    boolean test(String name, Map<String, ?> target, Map<String, ?> creds) {
        Rule rule = rules.get(name);
        return rule != null && rule.test(target, creds, this);
    }

    /** The rule strings in force, by name. */
    Map<String, String> sources() {
        return sources;
    }

    /** Names used in {@code rule:} references that no rule defines, sorted. */
    Set<String> undefinedReferences() {
        Set<String> missing = new TreeSet<>();
        rules.values().forEach(r -> r.references(ref -> {
            if (!rules.containsKey(ref)) {
                missing.add(ref);
            }
        }));
        return missing;
    }

    /** Depth-first search over {@code rule:} references, reporting the first cycle found. */
    private static final class CycleFinder {
        private final Map<String, Rule> rules;
        private final Set<String> done = new HashSet<>();
        private final Deque<String> path = new ArrayDeque<>();

        CycleFinder(Map<String, Rule> rules) {
            this.rules = rules;
        }

        void check() {
            new TreeSet<>(rules.keySet()).forEach(this::visit);
        }

        private void visit(String name) {
            if (done.contains(name) || !rules.containsKey(name)) {
                return;
            }
            if (path.contains(name)) {
                List<String> cycle = new ArrayList<>(path);
                Collections.reverse(cycle);
                cycle = new ArrayList<>(cycle.subList(cycle.indexOf(name), cycle.size()));
                cycle.add(name);
                throw new InvalidPolicyException("Policy rule '" + name + "' refers to itself: "
                        + String.join(" -> ", cycle));
            }
            path.push(name);
            List<String> refs = new ArrayList<>();
            rules.get(name).references(refs::add);
            refs.forEach(this::visit);
            path.pop();
            done.add(name);
        }
    }
}
