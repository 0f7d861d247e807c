package io.strato.image.members;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Glance's JSON for an image member (schema {@code /v2/schemas/member}). */
@Schema(name = "Member")
public record MemberView(String createdAt, String imageId, String memberId, String schema, String status,
                         String updatedAt) {
    static final String SCHEMA = "/v2/schemas/member";
    static final String LIST_SCHEMA = "/v2/schemas/members";

    public static MemberView of(ImageMember m) {
        return new MemberView(time(m.createdAt), m.imageId.toString(), m.memberId, SCHEMA, m.status, time(m.updatedAt));
    }

    /** Glance writes times to the second, in UTC with a Z. */
    static String time(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code {"members": [...], "schema": "/v2/schemas/members"}}. */
    @Schema(name = "MemberList")
    public record Many(List<MemberView> members, String schema) {
        public static Many of(List<ImageMember> members) {
            return new Many(members.stream().map(MemberView::of).toList(), LIST_SCHEMA);
        }
    }

    /** Request body of member creation: {@code {"member": "<project id>"}}. */
    @Schema(name = "MemberCreate")
    public record NewMember(String member) {
    }

    /** Request body of a member's answer: {@code {"status": "accepted"}}. */
    @Schema(name = "MemberStatusChange")
    public record StatusChange(String status) {
    }
}
