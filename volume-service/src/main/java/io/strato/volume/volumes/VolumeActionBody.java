package io.strato.volume.volumes;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /volumes/{id}/action}: a one-key object naming the action, {@code {"os-extend": {"new_size": 2}}}.
 * One nullable field per action served (so /q/openapi lists them); each stays {@link JsonNode} so the action's
 * checks keep Cinder's messages, and an action given as {@code null} ({@code {"os-reserve": null}}) arrives as a
 * NullNode while an absent one is null. Any other key is kept, so that it is answered "There is no such action"
 * (a class, not a record, so that Jackson's any-setter collects them).
 */
public final class VolumeActionBody {
    @JsonProperty("os-extend")
    public JsonNode extend;
    @JsonProperty("os-reset_status")
    public JsonNode resetStatus;
    @JsonProperty("os-retype")
    public JsonNode retype;
    @JsonProperty("os-set_bootable")
    public JsonNode setBootable;
    @JsonProperty("os-update_readonly_flag")
    public JsonNode updateReadonlyFlag;
    @JsonProperty("os-volume_upload_image")
    public JsonNode uploadImage;
    @JsonProperty("os-reserve")
    public JsonNode reserve;
    @JsonProperty("os-unreserve")
    public JsonNode unreserve;
    @JsonProperty("os-begin_detaching")
    public JsonNode beginDetaching;
    @JsonProperty("os-roll_detaching")
    public JsonNode rollDetaching;
    @JsonProperty("os-initialize_connection")
    public JsonNode initializeConnection;
    @JsonProperty("os-terminate_connection")
    public JsonNode terminateConnection;
    @JsonProperty("os-attach")
    public JsonNode attach;
    @JsonProperty("os-detach")
    public JsonNode detach;
    @JsonProperty("os-force_delete")
    public JsonNode forceDelete;
    @JsonProperty("os-force_detach")
    public JsonNode forceDetach;
    @JsonProperty("os-set_image_metadata")
    public JsonNode setImageMetadata;
    @JsonProperty("os-unset_image_metadata")
    public JsonNode unsetImageMetadata;
    @JsonProperty("os-show_image_metadata")
    public JsonNode showImageMetadata;
    private final Map<String, JsonNode> others = new LinkedHashMap<>();

    @JsonAnySetter
    public void other(String name, JsonNode args) {
        others.put(name, args);
    }

    /** The one action of the body, with its arguments (a NullNode when given as null); a 400 unless exactly one. */
    public Map.Entry<String, JsonNode> action() {
        Map<String, JsonNode> given = new LinkedHashMap<>();
        put(given, "os-extend", extend);
        put(given, "os-reset_status", resetStatus);
        put(given, "os-retype", retype);
        put(given, "os-set_bootable", setBootable);
        put(given, "os-update_readonly_flag", updateReadonlyFlag);
        put(given, "os-volume_upload_image", uploadImage);
        put(given, "os-reserve", reserve);
        put(given, "os-unreserve", unreserve);
        put(given, "os-begin_detaching", beginDetaching);
        put(given, "os-roll_detaching", rollDetaching);
        put(given, "os-initialize_connection", initializeConnection);
        put(given, "os-terminate_connection", terminateConnection);
        put(given, "os-attach", attach);
        put(given, "os-detach", detach);
        put(given, "os-force_delete", forceDelete);
        put(given, "os-force_detach", forceDetach);
        put(given, "os-set_image_metadata", setImageMetadata);
        put(given, "os-unset_image_metadata", unsetImageMetadata);
        put(given, "os-show_image_metadata", showImageMetadata);
        given.putAll(others);
        if (given.size() != 1) {
            throw new InvalidInput("The action body must name exactly one action, such as {\"os-extend\": {...}}.");
        }
        return given.entrySet().iterator().next();
    }

    private static void put(Map<String, JsonNode> given, String name, JsonNode args) {
        if (args != null) {
            given.put(name, args);
        }
    }
}
