package io.strato.kit.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** What FaultMappers answers 503 (retry later) rather than 500: a dependency that cannot serve now. */
class ConnectionFailureTest {

    @Test
    void postgresShuttingDownStartingUpOrUnreachableIsUnavailable() {
        // what the chaos suite saw during a PostgreSQL restart: 57P03 while it stopped and while it started
        assertTrue(FaultMappers.isConnectionFailure(new RuntimeException(new SQLException("the database system is shutting down", "57P03"))));
        assertTrue(FaultMappers.isConnectionFailure(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(FaultMappers.isConnectionFailure(new SQLException("connection failure", "08006")));
        assertTrue(FaultMappers.isConnectionFailure(new SQLException("sorry, too many clients already", "53300")));
        assertTrue(FaultMappers.isConnectionFailure(new IllegalStateException(new SocketException("Connection reset"))));
        assertTrue(FaultMappers.isConnectionFailure(new java.net.ConnectException("Connection refused")));
    }

    @Test
    void bugsAndRequestProblemsAreNot() {
        assertFalse(FaultMappers.isConnectionFailure(new IllegalStateException("a bug")));
        assertFalse(FaultMappers.isConnectionFailure(new SQLException("duplicate key", "23505")));
        assertFalse(FaultMappers.isConnectionFailure(new SQLException("syntax error", "42601")));
    }
}
