package io.strato.kit.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
     * The one message of a body that cannot be read: "Malformed JSON in request body" with the parser's reason
     * for JSON that does not parse; "Invalid request body" for JSON of the wrong shape or types, naming the field
     * (as a JSON path) and the kind of value expected, never a Java class (a client cannot act on those).
     */
    public static String malformed(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return "Malformed JSON in request body: " + parserReason(e.getOriginalMessage());
        }
        if (e instanceof JsonMappingException m) {
            String path = path(m);
            String where = path.isEmpty() ? "" : " at '" + path + "'";
            if (m instanceof UnrecognizedPropertyException u) {
                return "Invalid request body: unknown attribute '" + u.getPropertyName() + "'" + where(path, u);
            }
            if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
                String got = m instanceof InvalidFormatException f && f.getValue() != null
                        ? ", not '" + f.getValue() + "'" : "";
                return "Invalid request body" + where + ": expected " + kind(mi.getTargetType()) + got;
            }
            return "Invalid request body" + where + ".";
        }
        return "Invalid request body.";
    }

    /**
     * The parser's reason without the parts that speak of Jackson rather than of the JSON: the
     * {@code (start marker at [Source: ...])} location and any {@code StreamReadFeature}/{@code JsonReadFeature}
     * hint. What is left says what is wrong at which character, e.g. "Unexpected end-of-input: expected close
     * marker for Object".
     */
    static String parserReason(String reason) {
        if (reason == null) {
            return "the body is not JSON.";
        }
        String r = reason.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
                .replaceAll("\\s*at \\[Source:.*?\\]", "")
                .replaceAll("\\s*\\([^()]*(?:Feature|FAIL_ON_|ALLOW_)[^()]*\\)", "")
                .replaceAll("\\s*\\[Source:.*?\\]", "")
                .replaceAll("[:;,]?\\s*(?:enable|disable)\\s+`[^`]*`[^.;)]*", "")
                .trim();
        return r.isEmpty() ? "the body is not JSON." : r;
    }

    private static String where(String path, UnrecognizedPropertyException u) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : " in '" + path.substring(0, dot) + "'";
    }

    /** The failing field as a JSON path ({@code server.networks[0].uuid}). */
    static String path(JsonMappingException m) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** What a client should have sent, in JSON's words. */
    static String kind(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class
                || java.util.UUID.class == type) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "an object";
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
