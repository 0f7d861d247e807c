package io.strato.kit.policy;

import io.strato.kit.policy.RuleLexer.Kind;
import io.strato.kit.policy.RuleLexer.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses oslo.policy's rule language. Precedence, loosest first: {@code or}, {@code and},
 * {@code not}; parentheses group. An empty rule always passes, as in oslo.policy. Unlike
 * oslo.policy, which logs a broken rule and then denies everything it guards, a broken rule is an
 * error, so a typo in a policy file stops the service at startup instead of locking users out.
 */
final class RuleParser {

    private final List<Token> tokens;
    private int next;

    private RuleParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** @throws InvalidPolicyException naming the rule and the problem */
    static Rule parse(String ruleName, String text) {
        try {
            List<Token> tokens = RuleLexer.tokenize(text);
            if (tokens.isEmpty()) {
                return Rule.Always.INSTANCE;
            }
            RuleParser parser = new RuleParser(tokens);
            Rule rule = parser.or();
            if (parser.next < tokens.size()) {
                throw parser.unexpected(tokens.get(parser.next));
            }
            return rule;
        } catch (RuleSyntaxError e) {
            throw new InvalidPolicyException(
                    "Policy rule '" + ruleName + "' is invalid: " + e.getMessage() + " in \"" + text + "\"");
        }
    }

    private Rule or() {
        List<Rule> alternatives = new ArrayList<>(2);
        alternatives.add(and());
        while (accept(Kind.OR)) {
            alternatives.add(and());
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new Rule.Or(alternatives);
    }

    private Rule and() {
        List<Rule> all = new ArrayList<>(2);
        all.add(not());
        while (accept(Kind.AND)) {
            all.add(not());
        }
        return all.size() == 1 ? all.get(0) : new Rule.And(all);
    }

    private Rule not() {
        return accept(Kind.NOT) ? new Rule.Not(not()) : primary();
    }

    private Rule primary() {
        if (next >= tokens.size()) {
            throw new RuleSyntaxError("rule ends where a check or '(' was expected");
        }
        Token token = tokens.get(next++);
        if (token.kind() == Kind.CHECK) {
            return CheckParser.parse(token.text());
        }
        if (token.kind() != Kind.OPEN) {
            throw unexpected(token);
        }
        Rule inner = or();
        if (!accept(Kind.CLOSE)) {
            throw new RuleSyntaxError("missing ')' for '(' at offset " + token.offset());
        }
        return inner;
    }

    private boolean accept(Kind kind) {
        if (next < tokens.size() && tokens.get(next).kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private RuleSyntaxError unexpected(Token token) {
        return new RuleSyntaxError("unexpected '" + token.text() + "' at offset " + token.offset());
    }
}
