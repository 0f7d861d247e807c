package io.strato.kit.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.faults.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Parses request bodies read as text, so that every malformed body is a 400 with the parser's
 * reason in the service's own fault format (and media types the JSON provider does not claim, such
 * as Glance's JSON-patch type, parse the same way).
 */
@ApplicationScoped
public class JsonBody {
    private final ObjectMapper mapper;

    public JsonBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("The request body is missing.");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInput(malformed(e));
        }
    }

    /**
     * The one message of a body that cannot be read: "Malformed JSON in request body" for JSON that does not
     * parse, "Invalid request body" for JSON of the wrong shape or types, each with the parser's reason.
     */
    public static String malformed(JsonProcessingException e) {
        return (e instanceof JsonParseException ? "Malformed JSON in request body: " : "Invalid request body: ")
                + e.getOriginalMessage();
    }

    /** A body that must be a JSON object. */
    public JsonNode object(String body) {
        JsonNode n = parse(body);
        if (!n.isObject()) {
            throw new InvalidInput("The request body must be a JSON object.");
        }
        return n;
    }

    /** The object under {@code key} of a wrapped body such as {@code {"network": {...}}}; a 400 when absent. */
    public JsonNode wrapped(String body, String key) {
        JsonNode n = object(body).get(key);
        if (n == null || !n.isObject()) {
            throw new InvalidInput("Resource body required: the request body must be {\"" + key + "\": {...}}.");
        }
        return n;
    }
}
