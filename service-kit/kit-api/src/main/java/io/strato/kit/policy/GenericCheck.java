package io.strato.kit.policy;

import java.util.Collection;
import java.util.Map;

/**
 * {@code KEY:VALUE}: the caller's credential {@code KEY} (a dotted path through nested credential
 * maps; a list along the way matches when any element does) equals VALUE after substitution from
 * the target, e.g. {@code project_id:%(project_id)s} or {@code system_scope:all}. When KEY is itself
 * a literal ({@code 'name'}, {@code True}, {@code False} or a number), the literal is compared with
 * VALUE instead, e.g. {@code True:%(user.enabled)s}.
 */
final class GenericCheck implements Rule {

    private final String kind;
    private final String literalKind;
    private final String[] credentialPath;
    private final Template match;

    private GenericCheck(String kind, String literalKind, Template match) {
        this.kind = kind;
        this.literalKind = literalKind;
        this.credentialPath = literalKind == null ? kind.split("\\.", -1) : null;
        this.match = match;
    }

    static GenericCheck ofCredential(String key, Template match) {
        return new GenericCheck(key, null, match);
    }

    static GenericCheck ofLiteral(String source, String literal, Template match) {
        return new GenericCheck(source, literal, match);
    }

    @Override
    public boolean test(Map<String, ?> target, Map<String, ?> creds, RuleSet rules) {
        String wanted = match.render(target);
        if (wanted == null) {
            return false;
        }
        if (literalKind != null) {
            return literalKind.equals(wanted);
        }
        return matches(creds, 0, wanted);
    }

    private boolean matches(Object value, int depth, String wanted) {
        if (value instanceof Collection<?> many) {
            for (Object one : many) {
                if (matches(one, depth, wanted)) {
                    return true;
                }
            }
            return false;
        }
        if (depth == credentialPath.length) {
            return wanted.equals(Values.str(value));
        }
        if (!(value instanceof Map<?, ?> map)) {
            return false;
        }
        return matches(map.get(credentialPath[depth]), depth + 1, wanted);
    }

    @Override
    public String toString() {
        return kind + ":" + match;
    }
}
