package io.strato.kit.testapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** A JSON API and a data route, as a service has them (image-service's {@code /file} is the data route). */
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

    /** Counts the bytes of an upload of any size, streaming them. */
    @PUT
    @Path("/{id}/file")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Blocking
    public Map<String, Object> upload(@PathParam("id") String id, InputStream data) throws IOException {
        long total = 0;
        byte[] buffer = new byte[65536];
        for (int n; (n = data.read(buffer)) > 0; ) {
            total += n;
        }
        return Map.of("bytes", total);
    }
}
