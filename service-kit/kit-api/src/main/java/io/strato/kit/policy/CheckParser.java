package io.strato.kit.policy;

import java.util.regex.Pattern;

/** Turns one check token ({@code @}, {@code !}, {@code KIND:VALUE}) into a {@link Rule}. */
final class CheckParser {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private CheckParser() {
    }

    static Rule parse(String text) {
        if (text.equals("@")) {
            return Rule.Always.INSTANCE;
        }
        if (text.equals("!")) {
            return Rule.Never.INSTANCE;
        }
        int colon = colonOf(text);
        String kind = text.substring(0, colon);
        String value = text.substring(colon + 1);
        if (kind.isEmpty() || value.isEmpty()) {
            throw new RuleSyntaxError("'" + text + "' needs both a kind and a value (KIND:VALUE)");
        }
        return switch (kind) {
            case "role" -> new RoleCheck(template(value));
            case "rule" -> new RuleReference(value);
            case "http", "https" -> throw new RuleSyntaxError("HTTP checks ('" + text + "') are not supported");
            default -> {
                String literal = literal(kind);
                yield literal == null
                        ? GenericCheck.ofCredential(kind, template(value))
                        : GenericCheck.ofLiteral(kind, literal, template(value));
            }
        };
    }

    private static int colonOf(String text) {
        int from = isQuote(text.charAt(0)) ? text.indexOf(text.charAt(0), 1) + 1 : 0;
        int colon = text.indexOf(':', from);
        if (colon < 0 || (from > 0 && colon != from)) {
            throw new RuleSyntaxError("'" + text + "' is not a check (expected KIND:VALUE, @ or !)");
        }
        return colon;
    }

    /** A quoted value is taken as is; otherwise {@code %(key)s} is substituted from the target. */
    private static Template template(String value) {
        if (isQuote(value.charAt(0))) {
            if (value.length() < 2 || value.charAt(value.length() - 1) != value.charAt(0)) {
                throw new RuleSyntaxError("badly quoted value " + value);
            }
            return Template.constant(value.substring(1, value.length() - 1));
        }
        try {
            return Template.parse(value);
        } catch (IllegalArgumentException e) {
            throw new RuleSyntaxError(e.getMessage());
        }
    }

    /** The literal a KIND stands for ({@code 'text'}, True, False, an integer), or null for a credential key. */
    private static String literal(String kind) {
        if (isQuote(kind.charAt(0))) {
            return kind.substring(1, kind.length() - 1);
        }
        if (kind.equals("True") || kind.equals("False") || INTEGER.matcher(kind).matches()) {
            return kind;
        }
        return null;
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }
}
