package io.strato.kit.policy;

import java.util.Collection;
import java.util.Map;

/** {@code role:NAME}: the caller holds the role, compared case-insensitively as oslo.policy does. */
record RoleCheck(Template role) implements Rule {

    @Override
    public boolean test(Map<String, ?> target, Map<String, ?> creds, RuleSet rules) {
        String wanted = role.render(target);
        if (wanted == null || !(creds.get("roles") instanceof Collection<?> held)) {
            return false;
        }
        for (Object r : held) {
            if (r != null && wanted.equalsIgnoreCase(r.toString())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "role:" + role;
    }
}
