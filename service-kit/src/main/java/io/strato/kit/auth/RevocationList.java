package io.strato.kit.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revocations this instance knows of, indexed so that checking a token costs a handful of hash
 * look-ups however many revocations there are. Fed by {@link RevocationListener} from Kafka (and by
 * identity-service directly for its own revocations).
 */
@ApplicationScoped
public class RevocationList {
    private final Map<String, Instant> byAuditId = new ConcurrentHashMap<>();
    private final Map<String, Instant> byUser = new ConcurrentHashMap<>();
    private final Map<String, Instant> byProject = new ConcurrentHashMap<>();
    private final Map<String, Instant> byUserOnProject = new ConcurrentHashMap<>();
    private final Map<String, Instant> byDomain = new ConcurrentHashMap<>();
    private final Map<String, Instant> byApplicationCredential = new ConcurrentHashMap<>();

    public void add(Revocation r) {
        if (r.auditId() != null) {
            put(byAuditId, r.auditId(), r);
        } else if (r.applicationCredentialId() != null) {
            put(byApplicationCredential, r.applicationCredentialId(), r);
        } else if (r.userId() != null && r.projectId() != null) {
            put(byUserOnProject, r.userId() + "/" + r.projectId(), r);
        } else if (r.userId() != null) {
            put(byUser, r.userId(), r);
        } else if (r.projectId() != null) {
            put(byProject, r.projectId(), r);
        } else if (r.domainId() != null) {
            put(byDomain, r.domainId(), r);
        }
    }

    private void put(Map<String, Instant> index, String key, Revocation r) {
        index.merge(key, r.issuedBefore(), (a, b) -> a.isAfter(b) ? a : b);
    }

    /** True when the token described by these fields has been revoked. */
    public boolean isRevoked(Caller c) {
        Instant issued = c.issuedAt();
        for (String audit : c.auditIds()) {
            if (byAuditId.containsKey(audit)) {
                return true;
            }
        }
        return revokedBy(byUser, c.userId(), issued)
                || revokedBy(byProject, c.projectId(), issued)
                || revokedBy(byDomain, c.domainId(), issued)
                || revokedBy(byDomain, c.projectDomainId(), issued)
                || revokedBy(byDomain, c.userDomainId(), issued)
                || revokedBy(byApplicationCredential, c.applicationCredentialId(), issued)
                || (c.projectId() != null && revokedBy(byUserOnProject, c.userId() + "/" + c.projectId(), issued));
    }

    private static boolean revokedBy(Map<String, Instant> index, String key, Instant issued) {
        if (key == null) {
            return false;
        }
        Instant before = index.get(key);
        return before != null && !issued.isAfter(before);
    }

    /** How many facts are held (for metrics and tests). */
    public int size() {
        return byAuditId.size() + byUser.size() + byProject.size() + byUserOnProject.size() + byDomain.size()
                + byApplicationCredential.size();
    }
}
