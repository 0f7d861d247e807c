package io.strato.compute.servergroups;

import java.util.UUID;

/**
 * What scheduling needs of the group a new server joined.
 *
 * @param maxServerPerHost the anti-affinity rule's limit, or null (Nova's default of 1 for anti-affinity)
 */
public record ServerGroupRef(UUID id, String policy, Integer maxServerPerHost) {
}
