package io.strato.kit.policy;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/** Where the operator's policy overrides come from. */
@ConfigMapping(prefix = "strato.policy")
public interface PolicyConfig {

    /**
     * Operator override file, as oslo.policy's {@code policy.yaml}: a YAML (or JSON) mapping of rule
     * name to rule string that replaces the service's defaults rule by rule. Unset: defaults only.
     * Set but missing or invalid: the service refuses to start. Env: {@code STRATO_POLICY_FILE}.
     */
    Optional<Path> file();
}
