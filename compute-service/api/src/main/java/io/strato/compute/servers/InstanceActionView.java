package io.strato.compute.servers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Nova's JSON of an instance action at 2.1; {@code events} only in a show, for callers the policy lets see them.
 */
@Schema(name = "InstanceAction")
public record InstanceActionView(
        @JsonProperty("action") String action,
        @JsonProperty("instance_uuid") String instanceUuid,
        @JsonProperty("message") String message,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("start_time") String startTime,
        @JsonProperty("user_id") String userId,
        @JsonProperty("events") @JsonInclude(JsonInclude.Include.NON_NULL) List<Event> events) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    /** A step of an action; the traceback key only for callers who may see details (its value may be null). */
    @Schema(name = "InstanceActionEvent")
    public record Event(
            @JsonProperty("event") String event,
            @JsonProperty("start_time") String startTime,
            @JsonProperty("finish_time") String finishTime,
            @JsonProperty("result") String result,
            @JsonUnwrapped Details details) {
    }

    @Schema(name = "InstanceActionEventDetails")
    public record Details(@JsonProperty("traceback") String traceback) {
    }

    @Schema(name = "InstanceActionOne")
    public record One(@JsonProperty("instanceAction") InstanceActionView instanceAction) {
    }

    @Schema(name = "InstanceActionMany")
    public record Many(@JsonProperty("instanceActions") List<InstanceActionView> instanceActions) {
    }

    static InstanceActionView of(InstanceAction a, List<Event> events) {
        return new InstanceActionView(a.action, a.serverId.toString(), a.message, a.projectId, a.requestId,
                time(a.startTime), a.userId, events);
    }

    static Event event(InstanceActionEvent e, boolean details) {
        return new Event(e.event, time(e.startTime), time(e.finishTime), e.result, details ? new Details(e.details) : null);
    }

    private static String time(Instant t) {
        return t == null ? null : TIME.format(t);
    }
}
