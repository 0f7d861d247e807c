package io.strato.kit.policy;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A compiled policy rule. Immutable and shared by all requests; evaluating it allocates nothing
 * beyond what the target lookups need.
 */
sealed interface Rule permits Rule.Always, Rule.Never, Rule.And, Rule.Or, Rule.Not,
        RoleCheck, RuleReference, GenericCheck {

    /**
     * @param target the object acted upon (may hold nested maps)
     * @param creds  the caller's credentials, as {@code Caller.credentials()}
     * @param rules  the rule set that {@code rule:} references resolve in
     */
    boolean test(Map<String, ?> target, Map<String, ?> creds, RuleSet rules);

    /** Hands every rule name this rule refers to ({@code rule:NAME}) to the sink. */
    default void references(Consumer<String> sink) {
    }

    /** {@code @}, or an empty rule: always passes. */
    record Always() implements Rule {
        static final Always INSTANCE = new Always();

        public boolean test(Map<String, ?> target, Map<String, ?> creds, RuleSet rules) {
            return true;
        }

        public String toString() {
            return "@";
        }
    }

    /** {@code !}: never passes. */
    record Never() implements Rule {
        static final Never INSTANCE = new Never();

        public boolean test(Map<String, ?> target, Map<String, ?> creds, RuleSet rules) {
            return false;
        }

        public String toString() {
            return "!";
        }
    }

    record And(List<Rule> rules) implements Rule {
        public And {
            rules = List.copyOf(rules);
        }

        public boolean test(Map<String, ?> target, Map<String, ?> creds, RuleSet set) {
            for (int i = 0; i < rules.size(); i++) {
                if (!rules.get(i).test(target, creds, set)) {
                    return false;
                }
            }
            return true;
        }

        public void references(Consumer<String> sink) {
            rules.forEach(r -> r.references(sink));
        }

        public String toString() {
            return "(" + String.join(" and ", rules.stream().map(Object::toString).toList()) + ")";
        }
    }

    record Or(List<Rule> rules) implements Rule {
        public Or {
            rules = List.copyOf(rules);
        }

        public boolean test(Map<String, ?> target, Map<String, ?> creds, RuleSet set) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).test(target, creds, set)) {
                    return true;
                }
            }
            return false;
        }

        public void references(Consumer<String> sink) {
            rules.forEach(r -> r.references(sink));
        }

        public String toString() {
            return "(" + String.join(" or ", rules.stream().map(Object::toString).toList()) + ")";
        }
    }

    record Not(Rule rule) implements Rule {
        public boolean test(Map<String, ?> target, Map<String, ?> creds, RuleSet set) {
            return !rule.test(target, creds, set);
        }

        public void references(Consumer<String> sink) {
            rule.references(sink);
        }

        public String toString() {
            return "not " + rule;
        }
    }
}
