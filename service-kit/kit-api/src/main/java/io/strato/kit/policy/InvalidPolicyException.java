package io.strato.kit.policy;

/**
 * A policy definition cannot be used: a rule that does not parse, rules that refer to each other in
 * a cycle, two services defining one rule differently, or an unreadable override file. Raised at
 * startup, never while a request is checked. The message names the rule and, for the override
 * file, the file.
 */
public class InvalidPolicyException extends RuntimeException {

    public InvalidPolicyException(String message) {
        super(message);
    }

    public InvalidPolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
