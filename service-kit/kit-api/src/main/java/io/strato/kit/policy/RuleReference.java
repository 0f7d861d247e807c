package io.strato.kit.policy;

import java.util.Map;
import java.util.function.Consumer;

/** {@code rule:NAME}: passes when the named rule passes; a rule that does not exist fails. */
record RuleReference(String name) implements Rule {

    @Override
    public boolean test(Map<String, ?> target, Map<String, ?> creds, RuleSet rules) {
        return rules.test(name, target, creds);
    }

    @Override
    public void references(Consumer<String> sink) {
        sink.accept(name);
    }

    @Override
    public String toString() {
        return "rule:" + name;
    }
}
