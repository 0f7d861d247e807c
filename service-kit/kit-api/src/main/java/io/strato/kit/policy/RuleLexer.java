package io.strato.kit.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rule string into parentheses, the keywords {@code and}, {@code or}, {@code not}
 * (any case, as oslo.policy) and checks. Parentheses inside a {@code %(key)s} substitution or a
 * quoted literal belong to the check, so {@code (project_id:%(project_id)s)} splits as expected.
 */
final class RuleLexer {

    enum Kind { OPEN, CLOSE, AND, OR, NOT, CHECK }

    record Token(Kind kind, String text, int offset) {
    }

    private RuleLexer() {
    }

    /** @throws RuleSyntaxError on an unterminated quote or substitution */
    static List<Token> tokenize(String rule) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < rule.length()) {
            char c = rule.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")", i++));
            } else {
                int end = endOfWord(rule, i);
                tokens.add(word(rule.substring(i, end), i));
                i = end;
            }
        }
        return tokens;
    }

    private static Token word(String text, int offset) {
        Kind kind = switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "and" -> Kind.AND;
            case "or" -> Kind.OR;
            case "not" -> Kind.NOT;
            default -> Kind.CHECK;
        };
        return new Token(kind, text, offset);
    }

    private static int endOfWord(String rule, int start) {
        int i = start;
        while (i < rule.length()) {
            char c = rule.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')') {
                return i;
            }
            boolean quoteOpens = (c == '\'' || c == '"') && (i == start || rule.charAt(i - 1) == ':');
            if (quoteOpens) {
                i = closing(rule, i, c, "unterminated quote");
            } else if (c == '%' && i + 1 < rule.length() && rule.charAt(i + 1) == '(') {
                i = closing(rule, i + 1, ')', "unterminated substitution");
            } else {
                i++;
            }
        }
        return i;
    }

    /** Index just past the {@code close} character that ends what starts at {@code open}. */
    private static int closing(String rule, int open, char close, String problem) {
        int at = rule.indexOf(close, open + 1);
        if (at < 0) {
            throw new RuleSyntaxError(problem + " at offset " + open);
        }
        return at + 1;
    }
}
