package io.strato.compute.securitygroups;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.faults.InvalidInput;

/** A group's name and description as Nova's schema takes them: both required, strings of at most 255 characters. */
record SecurityGroupRequest(String name, String description) {

    static SecurityGroupRequest parse(JsonNode body) {
        JsonNode g = BodyFields.object(body, "security_group");
        return new SecurityGroupRequest(text(g, "name"), text(g, "description"));
    }

    private static String text(JsonNode g, String field) {
        JsonNode n = g.get(field);
        if (n == null) {
            throw new InvalidInput("Invalid input for field/attribute security_group. Value: " + g + ". '" + field
                    + "' is a required property");
        }
        if (!n.isTextual()) {
            throw BodyFields.invalid(field, n, n + " is not of type 'string'");
        }
        if (n.asText().length() > 255) {
            throw BodyFields.invalid(field, n, "'" + n.asText() + "' is too long");
        }
        return n.asText();
    }
}
