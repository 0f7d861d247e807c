package io.strato.kit.auth;

/**
 * Claim names of a Strato token (a JWS signed by identity-service). Everything a service needs to
 * authorise a request is in the token, so no service calls identity on the hot path.
 */
public final class TokenClaims {
    public static final String USER_ID = "sub";
    public static final String USER_NAME = "uname";
    public static final String USER_DOMAIN_ID = "udom";
    public static final String USER_DOMAIN_NAME = "udomname";
    public static final String PROJECT_ID = "pid";
    public static final String PROJECT_NAME = "pname";
    public static final String PROJECT_DOMAIN_ID = "pdom";
    public static final String PROJECT_DOMAIN_NAME = "pdomname";
    public static final String DOMAIN_ID = "did";
    public static final String DOMAIN_NAME = "dname";
    public static final String SYSTEM = "system";
    public static final String ROLES = "roles";
    public static final String ROLE_IDS = "role_ids";
    public static final String METHODS = "methods";
    public static final String AUDIT_IDS = "audit_ids";
    public static final String APPLICATION_CREDENTIAL_ID = "acid";
    /** Issue time in epoch milliseconds ({@code iat} has only seconds, too coarse for revocations). */
    public static final String ISSUED_AT_MILLIS = "iat_ms";

    private TokenClaims() {
    }
}
