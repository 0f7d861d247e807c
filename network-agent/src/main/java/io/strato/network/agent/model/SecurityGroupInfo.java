package io.strato.network.agent.model;

import java.util.UUID;

/** A security group; its rules are {@link RuleInfo}s with its id. */
public record SecurityGroupInfo(UUID id, boolean stateful, long revision) {
}
