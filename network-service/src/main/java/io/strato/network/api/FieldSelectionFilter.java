package io.strato.network.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Neutron's {@code fields} on the methods marked {@link FieldSelection}: the typed view is turned into
 * JSON, then the resource ({@code {"port": {...}}}) or each item of the collection
 * ({@code {"ports": [...], "ports_links": [...]}}) keeps only the asked-for attributes, in the order
 * asked. Without {@code fields}, and on errors, the answer is left as it is.
 */
@Provider
@FieldSelection
public class FieldSelectionFilter implements ContainerResponseFilter {
    private final ObjectMapper mapper;

    public FieldSelectionFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL || !response.hasEntity()) {
            return;
        }
        List<String> fields = ListRequest.split(request.getUriInfo().getQueryParameters().get("fields"));
        if (fields.isEmpty()) {
            return;
        }
        JsonNode body = mapper.valueToTree(response.getEntity());
        if (body instanceof ObjectNode wrapper) {
            response.setEntity(cutMembers(wrapper, fields));
        }
    }

    /** The wrapper with its resource, or each item of its collection, cut; {@code *_links} stay as they are. */
    static ObjectNode cutMembers(ObjectNode wrapper, List<String> fields) {
        ObjectNode out = wrapper.objectNode();
        for (Map.Entry<String, JsonNode> member : wrapper.properties()) {
            JsonNode value = member.getValue();
            if (member.getKey().endsWith("_links")) {
                out.set(member.getKey(), value);
            } else if (value instanceof ObjectNode resource) {
                out.set(member.getKey(), cut(resource, fields));
            } else if (value instanceof ArrayNode items) {
                ArrayNode cutItems = out.putArray(member.getKey());
                items.forEach(item -> cutItems.add(item instanceof ObjectNode o ? cut(o, fields) : item));
            } else {
                out.set(member.getKey(), value);
            }
        }
        return out;
    }

    /** The view cut to the requested fields; a field the view does not have is skipped. */
    static ObjectNode cut(ObjectNode view, List<String> fields) {
        ObjectNode cut = view.objectNode();
        for (String f : fields) {
            if (view.has(f)) {
                cut.set(f, view.get(f));
            }
        }
        return cut;
    }
}
