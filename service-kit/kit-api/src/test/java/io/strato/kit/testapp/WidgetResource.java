package io.strato.kit.testapp;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** A JSON API, as a service has it. */
@Path("/v1/widgets")
public class WidgetResource {

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        return Map.of("widget", Map.of("id", id));
    }

    /** Echoes the name and the length of the padding it was given. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(JsonNode body) {
        return Map.of("widget", Map.of("name", body.path("widget").path("name").asText(),
                "pad", body.path("widget").path("pad").asText().length()));
    }
}
