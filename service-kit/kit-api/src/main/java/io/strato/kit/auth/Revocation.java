package io.strato.kit.auth;

import java.time.Instant;

/**
 * One revocation fact, as identity-service publishes it: every token matching the non-null selectors
 * and issued at or before {@code issuedBefore} is invalid. A token revocation names only its audit id.
 *
 * @param auditId                 a token's (or token chain's) audit id
 * @param userId                  all tokens of a user (disabled, deleted, password changed)
 * @param projectId               with userId: a user's tokens on one project (role unassigned); alone: all
 *                                tokens scoped to the project (deleted or disabled)
 * @param domainId                all tokens scoped to a domain, or of its users (domain disabled)
 * @param applicationCredentialId tokens issued through an application credential (deleted)
 * @param issuedBefore            tokens issued at or before this instant are refused
 * @param expiresAt               after this instant no token the fact matches can still be valid
 */
public record Revocation(String auditId, String userId, String projectId, String domainId,
                         String applicationCredentialId, Instant issuedBefore, Instant expiresAt) {
}
