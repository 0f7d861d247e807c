package io.strato.network.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.rest.BodyRecords;
import io.strato.network.networks.NetworkBody;
import io.strato.network.secgroups.SecurityGroupRuleBody;
import org.junit.jupiter.api.Test;

/** A typed body hands Neutron's checks what the client sent: absent stays absent, null stays null, unknown stays. */
class BodiesTest {
    /** As Quarkus configures it: unknown properties of the outer body are ignored. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void attributesComeBackAsTheClientSentThem() throws Exception {
        NetworkBody body = MAPPER.readValue("{\"network\": {\"name\": 5, \"description\": null,"
                + " \"provider:network_type\": \"vlan\", \"colour\": \"red\", \"bogus\": null}}", NetworkBody.class);
        assertEquals(MAPPER.readTree("{\"name\": 5, \"description\": null, \"provider:network_type\": \"vlan\","
                + " \"colour\": \"red\", \"bogus\": null}"), BodyRecords.wrapped(body, NetworkBody::network, "network"));
    }

    @Test
    void anEmptyObjectHasNoAttributes() throws Exception {
        SecurityGroupRuleBody body = MAPPER.readValue("{\"security_group_rule\": {}}", SecurityGroupRuleBody.class);
        assertEquals(MAPPER.createObjectNode(), BodyRecords.wrapped(body, SecurityGroupRuleBody::rule, "security_group_rule"));
    }

    @Test
    void aMissingBodyOrWrapperIsJsonBodysFourHundred() throws Exception {
        assertEquals("The request body is missing.", assertThrows(InvalidInput.class,
                () -> BodyRecords.wrapped(null, NetworkBody::network, "network")).getMessage());
        NetworkBody other = MAPPER.readValue("{\"subnet\": {}}", NetworkBody.class);
        assertEquals("Resource body required: the request body must be {\"network\": {...}}.", assertThrows(
                InvalidInput.class, () -> BodyRecords.wrapped(other, NetworkBody::network, "network")).getMessage());
    }
}
