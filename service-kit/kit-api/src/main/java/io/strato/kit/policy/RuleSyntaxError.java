package io.strato.kit.policy;

/** A rule string does not parse; {@link RuleParser} turns it into an {@link InvalidPolicyException}. */
final class RuleSyntaxError extends RuntimeException {

    RuleSyntaxError(String message) {
        super(message, null, false, false);
    }
}
