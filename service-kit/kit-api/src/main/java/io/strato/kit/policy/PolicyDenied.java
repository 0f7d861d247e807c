package io.strato.kit.policy;

/**
 * The caller is not allowed to perform an operation. Each service maps it to 403 in its own fault
 * format. The message is oslo.policy's and safe to show to the caller.
 */
public class PolicyDenied extends RuntimeException {

    private final String operation;

    public PolicyDenied(String operation) {
        super("Policy doesn't allow " + operation + " to be performed.", null, false, false);
        this.operation = operation;
    }

    /** The rule name that denied the request, e.g. {@code identity:get_user}. */
    public String operation() {
        return operation;
    }
}
