package io.strato.kit.testing;

import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.ResponseSpecification;
import java.util.Map;
import org.hamcrest.Matcher;

/**
 * The fault of Keystone and Glance as their clients read it: JSON
 * {@code {"error": {"code": N, "title": "...", "message": "..."}}} with the status line's code, the status's
 * reason as title (webob's) and a message for a user. Use as {@code .then().spec(fault(404))}, or with the
 * message when the test is about a particular reason.
 */
public final class ErrorFaults {
    /** The titles the clients show; written out here rather than taken from the code under test. */
    private static final Map<Integer, String> TITLES = Map.of(
            400, "Bad Request",
            401, "Unauthorized",
            403, "Forbidden",
            404, "Not Found",
            405, "Method Not Allowed",
            409, "Conflict",
            413, "Request Entity Too Large",
            415, "Unsupported Media Type",
            416, "Requested Range Not Satisfiable");

    private ErrorFaults() {
    }

    /** A fault of this status with a non-blank message. */
    public static ResponseSpecification fault(int status) {
        return fault(status, not(blankOrNullString()));
    }

    /** A fault of this status with exactly this message. */
    public static ResponseSpecification fault(int status, String message) {
        return fault(status, equalTo(message));
    }

    /** A fault of this status whose message matches. */
    public static ResponseSpecification fault(int status, Matcher<? super String> message) {
        String title = TITLES.get(status);
        if (title == null) {
            throw new IllegalArgumentException("no title written down for status " + status);
        }
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType(ContentType.JSON)
                .expectBody("error.code", equalTo(status))
                .expectBody("error.title", equalTo(title))
                .expectBody("error.message", message)
                .build();
    }
}
