package io.strato.kit.policy;

import java.util.Map;

/**
 * A service's default policy, registered as a CDI bean (any scope). {@link Policy} merges the
 * defaults of every such bean, then applies the operator's override file on top.
 *
 * <p>Rule strings use oslo.policy's language: {@code "role:admin or (role:reader and system_scope:all)"}.
 * A service defines the shared base rules it refers to ({@code admin_required}, {@code system_reader}...)
 * itself, so that an operator can override them in one place.
 */
public interface PolicyRules {

    /** Rule name (an API operation such as {@code identity:get_user}, or a base rule) to rule string. */
    Map<String, String> defaults();
}
