package io.strato.compute.api;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.RequestScoped;

/**
 * The gate of Nova's proxy APIs (nova-network era, served up to 2.35): Nova's 404 above the last microversion, then
 * the API's rule with the caller's own project as its target (Nova's {@code target={'project_id': context.project_id}}).
 */
@RequestScoped
public class ProxyAccess {
    /** The last microversion of the proxy APIs (Nova's MAX_PROXY_API_SUPPORT_VERSION). */
    public static final int LAST_MINOR = 35;

    private final ApiVersion version;
    private final CurrentCaller callers;
    private final Policy policy;

    public ProxyAccess(ApiVersion version, CurrentCaller callers, Policy policy) {
        this.version = version;
        this.callers = callers;
        this.policy = policy;
    }

    /** The caller, once the proxy is served at this version and {@code rule} allows them. */
    public Caller allowed(String rule) {
        version.servedUpTo(LAST_MINOR);
        Caller caller = callers.get();
        policy.enforce(rule, caller, NovaBaseRules.project(caller.projectId()));
        return caller;
    }
}
