package io.strato.compute.servers;

import io.strato.compute.api.Link;
import io.strato.compute.api.Microversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Nova's JSON of an instance action ({@code updated_at} from 2.58); {@code events} only in a show, for callers the
 * policy lets see them (their {@code host}/{@code hostId} from 2.62).
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
        @JsonProperty("updated_at") @JsonInclude(JsonInclude.Include.NON_NULL) String updatedAt,
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
            @JsonProperty("host") @JsonInclude(JsonInclude.Include.NON_NULL) String host,
            @JsonProperty("hostId") @JsonInclude(JsonInclude.Include.NON_NULL) String hostId,
            @JsonProperty("details") @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(implementation = String.class, nullable = true) java.util.Optional<String> failureDetails,
            @JsonUnwrapped Details tracebackDetails) {
    }

    @Schema(name = "InstanceActionEventDetails")
    public record Details(@JsonProperty("traceback") String traceback) {
    }

    @Schema(name = "InstanceActionOne")
    public record One(@JsonProperty("instanceAction") InstanceActionView instanceAction) {
    }

    @Schema(name = "InstanceActionMany")
    public record Many(@JsonProperty("instanceActions") List<InstanceActionView> instanceActions,
                       @JsonProperty("links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> links) {
    }

    /** An action; {@code updated_at} from 2.58. */
    static InstanceActionView of(InstanceAction a, List<Event> events, Microversion version) {
        return new InstanceActionView(a.action, a.serverId.toString(), a.message, a.projectId, a.requestId,
                time(a.startTime), a.userId, version.atLeast(58) ? time(a.updatedAt) : null, events);
    }

    /**
     * An event; from 2.62 its {@code hostId} (Nova's sha224 of {@code projectId} and the host, "" without one) for
     * everyone and its {@code host} when {@code host}; from 2.84 {@code details} (a failed event's message) when
     * {@code details}.
     */
    static Event event(InstanceActionEvent e, boolean details, boolean host, String projectId, Microversion version) {
        boolean v262 = version.atLeast(62);
        // 2.84: a failed event's message for callers of events:details (null for the others)
        java.util.Optional<String> failure = version.atLeast(84) && details
                ? java.util.Optional.ofNullable(InstanceActions.ERROR.equals(e.result) ? e.details : null) : null;
        return new Event(e.event, time(e.startTime), time(e.finishTime), e.result,
                v262 && host ? (e.host == null ? "" : e.host) : null,
                v262 ? ServerViews.hostId(projectId, e.host) : null, failure, details ? new Details(e.details) : null);
    }

    private static String time(Instant t) {
        return t == null ? null : TIME.format(t);
    }
}
