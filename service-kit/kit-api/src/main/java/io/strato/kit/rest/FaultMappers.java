package io.strato.kit.rest;

import io.strato.kit.faults.FaultDialect;
import io.strato.kit.faults.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.strato.kit.policy.PolicyDenied;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure that leaves a resource into the service's OpenStack fault format: typed domain
 * errors keep their status, framework errors (bad JSON, unknown route, wrong method) become the
 * matching 4xx, and anything unexpected is logged and answered with a 500 that carries no stack trace.
 */
public class FaultMappers {
    private static final Logger LOG = Logger.getLogger(FaultMappers.class);

    @Inject
    FaultDialect dialect;

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return dialect.render(e.status(), e, e.getMessage());
    }

    @ServerExceptionMapper
    public Response denied(PolicyDenied e) {
        return dialect.render(403, e, "You are not authorized to perform the requested action: " + e.operation() + ".");
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return dialect.render(401, e, "The request you have made requires authentication.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return dialect.render(403, e, "You are not authorized to perform the requested action.");
    }

    /**
     * A body Jackson could not read into the resource's typed record. Said the way {@link JsonBody} says it
     * for text bodies, so a service's answer does not depend on how its resource takes the body.
     */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return dialect.render(400, e, JsonBody.malformed(e));
    }

    /**
     * JSON of the wrong shape for its record ({@code {"enabled": "maybe"}} for a boolean). quarkus-rest-jackson
     * maps this subtype itself, and its mapper is nearer to the exception than {@link #json}, so without this
     * one it won and answered {@code {"objectName": ..., "attributeName": ...}} instead of the API's fault.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return dialect.render(400, e, JsonBody.malformed(e));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return json(jpe);
        }
        String message = switch (status) {
            case 400 -> "The request body is malformed.";
            case 404 -> "The resource could not be found.";
            case 405 -> "The method is not allowed for this resource.";
            case 406 -> "The requested media type is not supported.";
            case 415 -> "The request's content type is not supported.";
            default -> FaultDialect.title(status);
        };
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return dialect.render(status, e, message);
    }

    /** The PostgreSQL SQLSTATE anywhere in the cause chain, or null. */
    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof io.vertx.sqlclient.DatabaseException pg) {
                return pg.getSqlState();
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * The message for a PostgreSQL data exception (SQLSTATE class 22), which only a value of the request can
     * cause (a NUL character in a name, filter or path, a string past its column, a number out of range), or
     * null for any other state. Said without the database's own text, which names columns and types.
     */
    static String dataException(String sqlState) {
        if (sqlState == null || !sqlState.startsWith("22")) {
            return null;
        }
        return switch (sqlState) {
            case "22021", "22P05" -> "Invalid input: a value contains a character that is not allowed (NUL, U+0000).";
            case "22001" -> "Invalid input: a value is longer than allowed.";
            case "22003" -> "Invalid input: a number is out of range.";
            case "22007", "22008" -> "Invalid input: a date or time is malformed or out of range.";
            case "22P02" -> "Invalid input: a value is not of the expected type.";
            default -> "Invalid input: a value of the request cannot be stored.";
        };
    }

    /**
     * A dependency (the database, another service) cannot serve now, as distinct from a bug: it refused or
     * dropped the connection, or PostgreSQL said it is shutting down, starting up or out of connections. Found
     * by the chaos suite (tests/e2e/chaos.py --case postgres): during a PostgreSQL restart these were 500s.
     */
    static boolean isConnectionFailure(Throwable e) {
        String state = sqlState(e);
        if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
            return true;
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections. */
    private static final java.util.Set<String> UNAVAILABLE_STATES = java.util.Set.of("57P01", "57P02", "57P03", "53300");

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String sqlState = sqlState(e);
        if ("23505".equals(sqlState)) {
            // a unique index caught a race the service's own check could not see (two creates at once)
            return dialect.render(409, e, "The request conflicts with an existing resource (a concurrent request created it first).");
        }
        if ("23503".equals(sqlState)) {
            return dialect.render(409, e, "The request conflicts with a resource that is referenced or was removed meanwhile.");
        }
        if ("40001".equals(sqlState) || "40P01".equals(sqlState)) {
            return dialect.render(409, e, "The request conflicted with a concurrent change; retry it.");
        }
        String dataProblem = dataException(sqlState);
        if (dataProblem != null) {
            // class 22: PostgreSQL refused a value the request carried (the transaction is rolled back)
            LOG.debugf(e, "a value of the request was refused by the database (SQLSTATE %s)", sqlState);
            return dialect.render(400, e, dataProblem);
        }
        if (isConnectionFailure(e)) {
            LOG.warn("a dependency is unreachable", e);
            return dialect.render(503, e, "A service this request depends on is unreachable; retry later.");
        }
        LOG.error("unexpected failure", e);
        return dialect.render(500, e, "An unexpected error prevented the server from fulfilling your request.");
    }
}
