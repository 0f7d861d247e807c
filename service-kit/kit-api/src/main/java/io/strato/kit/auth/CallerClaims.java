package io.strato.kit.auth;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads a {@link Caller} from a verified token's claims. */
final class CallerClaims {
    private CallerClaims() {
    }

    static Caller read(JsonWebToken jwt) {
        Object iatMs = jwt.getClaim(TokenClaims.ISSUED_AT_MILLIS);
        Instant issued = iatMs instanceof JsonNumber n ? Instant.ofEpochMilli(n.longValue())
                : iatMs instanceof Number n ? Instant.ofEpochMilli(n.longValue())
                : Instant.ofEpochSecond(jwt.getIssuedAtTime());
        Object system = jwt.getClaim(TokenClaims.SYSTEM);
        return new Caller(
                jwt.getSubject(),
                str(jwt, TokenClaims.USER_NAME),
                str(jwt, TokenClaims.USER_DOMAIN_ID),
                str(jwt, TokenClaims.PROJECT_ID),
                str(jwt, TokenClaims.PROJECT_NAME),
                str(jwt, TokenClaims.PROJECT_DOMAIN_ID),
                str(jwt, TokenClaims.DOMAIN_ID),
                system != null && Boolean.parseBoolean(String.valueOf(system)),
                new LinkedHashSet<>(list(jwt, TokenClaims.ROLES)),
                list(jwt, TokenClaims.AUDIT_IDS),
                list(jwt, TokenClaims.METHODS),
                issued,
                Instant.ofEpochSecond(jwt.getExpirationTime()),
                str(jwt, TokenClaims.APPLICATION_CREDENTIAL_ID));
    }

    private static String str(JsonWebToken jwt, String claim) {
        Object v = jwt.getClaim(claim);
        if (v == null) {
            return null;
        }
        return v instanceof JsonString js ? js.getString() : v.toString();
    }

    private static List<String> list(JsonWebToken jwt, String claim) {
        Object v = jwt.getClaim(claim);
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray arr) {
            for (JsonValue item : arr) {
                out.add(item instanceof JsonString js ? js.getString() : item.toString());
            }
        } else if (v instanceof Set<?> set) {
            set.forEach(o -> out.add(String.valueOf(o)));
        } else if (v instanceof Iterable<?> it) {
            it.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }
}
