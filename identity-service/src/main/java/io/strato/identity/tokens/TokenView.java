package io.strato.identity.tokens;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keystone's token body, rebuilt from what the token says. */
public final class TokenView {
    private static final DateTimeFormatter KEYSTONE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private TokenView() {
    }

    public static String time(Instant t) {
        return t == null ? null : KEYSTONE_TIME.format(t);
    }

    public static Map<String, Object> of(IssuedToken t, List<Map<String, Object>> catalog) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("methods", t.methods());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", t.user().id());
        user.put("name", t.user().name());
        user.put("domain", ref(t.userDomain()));
        user.put("password_expires_at", null);
        b.put("user", user);
        b.put("audit_ids", t.auditIds());
        b.put("expires_at", time(t.expiresAt()));
        b.put("issued_at", time(t.issuedAt()));
        if (t.project() != null) {
            Map<String, Object> project = ref(t.project());
            project.put("domain", ref(t.projectDomain()));
            b.put("project", project);
            b.put("is_domain", false);
        } else if (t.domain() != null) {
            b.put("domain", ref(t.domain()));
        } else if (t.system()) {
            b.put("system", Map.of("all", true));
        }
        if (!t.unscoped()) {
            b.put("roles", t.roles().stream().map(TokenView::ref).toList());
            if (catalog != null) {
                b.put("catalog", catalog);
            }
        }
        if (t.applicationCredentialId() != null) {
            Map<String, Object> ac = new LinkedHashMap<>();
            ac.put("id", t.applicationCredentialId());
            ac.put("restricted", true);
            b.put("application_credential", ac);
        }
        return Map.of("token", b);
    }

    private static Map<String, Object> ref(IssuedToken.Ref r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        return m;
    }
}
