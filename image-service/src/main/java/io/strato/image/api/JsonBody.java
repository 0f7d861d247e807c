package io.strato.image.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.faults.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Parses request bodies read as text. Glance's PATCH media type is not a {@code +json} type the JSON
 * provider claims, and a hand parse keeps every malformed body a 400 with the parser's reason.
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
            throw new InvalidInput("Malformed JSON in request body: " + e.getOriginalMessage());
        }
    }

    /** A body that must be a JSON object. */
    public JsonNode object(String body) {
        JsonNode n = parse(body);
        if (!n.isObject()) {
            throw new InvalidInput("The request body must be a JSON object.");
        }
        return n;
    }
}
