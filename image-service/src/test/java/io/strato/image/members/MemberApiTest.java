package io.strato.image.members;

import static io.restassured.RestAssured.given;
import static io.strato.kit.testing.ErrorFaults.fault;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.events.StratoEvent;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sharing an image between projects through Glance's members API, as two projects' users see it. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class MemberApiTest {
    private static final String GLANCE_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    @Inject
    DataSource db;
    @Inject
    MemberVisibility visibility;
    @Inject
    ProjectDeletedMembers cleanup;

    String owner;
    String member;
    String stranger;
    UUID shared;

    @BeforeEach
    void images() throws Exception {
        owner = "p-owner-" + UUID.randomUUID().toString().substring(0, 8);
        member = "p-member-" + UUID.randomUUID().toString().substring(0, 8);
        stranger = "p-stranger-" + UUID.randomUUID().toString().substring(0, 8);
        shared = insertImage(owner, "shared");
    }

    /** Glance creates images {@code shared} unless told otherwise, so they take members at once (Tempest's member tests). */
    @Test
    void anImageCreatedWithoutVisibilityTakesMembersAndListsByMemberStatus() {
        String id = as(owner).body("{\"name\": \"plain\"}").post("/v2/images").then().statusCode(201)
                .body("visibility", equalTo("shared")).extract().path("id");
        UUID image = UUID.fromString(id);
        as(stranger).get("/v2/images/" + id).then().spec(fault(404));
        as(owner).body("{\"member\": \"" + member + "\"}").post(members(image)).then().statusCode(200);
        as(member).get("/v2/images?member_status=pending").then().statusCode(200).body("images.id", hasItem(id));
        as(member).get("/v2/images").then().body("images.id", not(hasItem(id)));
        as(member).body("{\"status\": \"accepted\"}").put(members(image) + "/" + member).then().statusCode(200);
        as(member).get("/v2/images").then().body("images.id", hasItem(id));
        as(member).get("/v2/images?member_status=accepted").then().body("images.id", hasItem(id));
        as(owner).body("{\"status\": \"rejected\"}").put(members(image) + "/" + member).then().spec(fault(403));
        as(member).body("{\"status\": \"maybe\"}").put(members(image) + "/" + member).then().spec(fault(400));
    }

    @Test
    void ownerSharesMemberAcceptsAndSeesIt() throws Exception {
        as(owner).body("{\"member\": \"" + member + "\"}").post(members(shared))
                .then().statusCode(200)
                .body("image_id", equalTo(shared.toString()))
                .body("member_id", equalTo(member))
                .body("status", equalTo("pending"))
                .body("schema", equalTo("/v2/schemas/member"))
                .body("created_at", matchesPattern(GLANCE_TIME))
                .body("updated_at", matchesPattern(GLANCE_TIME));
        assertFalse(accepted(member).contains(shared), "a pending share is not accepted");
        assertEquals(1, outboxEvents("strato.image.member.created.v1", shared));

        as(member).body("{\"status\": \"accepted\"}").put(members(shared) + "/" + member)
                .then().statusCode(200).body("status", equalTo("accepted"));
        assertTrue(accepted(member).contains(shared));
        assertFalse(accepted(stranger).contains(shared));
        assertEquals(1, outboxEvents("strato.image.member.updated.v1", shared));
        as(member).get(members(shared) + "/" + member).then().statusCode(200).body("status", equalTo("accepted"));
        assertEquals("accepted", await(() -> visibility.find(shared, member)).status);

        as(member).body("{\"status\": \"rejected\"}").put(members(shared) + "/" + member)
                .then().statusCode(200).body("status", equalTo("rejected"));
        assertFalse(accepted(member).contains(shared));
    }

    @Test
    void ownerSeesAllMembersAMemberOnlyItself() throws Exception {
        String second = "p-second-" + UUID.randomUUID().toString().substring(0, 8);
        add(shared, member);
        add(shared, second);
        as(owner).get(members(shared)).then().statusCode(200)
                .body("schema", equalTo("/v2/schemas/members"))
                .body("members", hasSize(2));
        as(member).get(members(shared)).then().statusCode(200)
                .body("members", hasSize(1))
                .body("members[0].member_id", equalTo(member));
        as(member).get(members(shared) + "/" + second).then().spec(fault(404));
    }

    @Test
    void aNonMemberSeesNothing() throws Exception {
        add(shared, member);
        as(stranger).get(members(shared)).then().spec(fault(404))
                .body("error.code", equalTo(404)).body("error.message", containsString(shared.toString()));
        as(stranger).get(members(shared) + "/" + member).then().spec(fault(404));
        as(stranger).body("{\"status\": \"accepted\"}").put(members(shared) + "/" + stranger).then().spec(fault(404));
        as(stranger).body("{\"member\": \"" + stranger + "\"}").post(members(shared)).then().spec(fault(404));
        as(stranger).delete(members(shared) + "/" + member).then().spec(fault(404));
        as(owner).get(members(UUID.randomUUID())).then().spec(fault(404));
        as(owner).get("/v2/images/not-a-uuid/members").then().spec(fault(404));
    }

    @Test
    void onlyTheOwnerManagesAndOnlyTheMemberAnswers() throws Exception {
        add(shared, member);
        as(member).body("{\"member\": \"" + stranger + "\"}").post(members(shared)).then().spec(fault(403));
        as(member).delete(members(shared) + "/" + member).then().spec(fault(403));
        as(owner).body("{\"status\": \"accepted\"}").put(members(shared) + "/" + member).then().spec(fault(403));
        as(member).get(members(shared) + "/" + member).then().statusCode(200).body("status", equalTo("pending"));
        String reader = TestIdentity.token("reader-" + owner, owner, "reader");
        given().header("X-Auth-Token", reader).contentType(ContentType.JSON)
                .body("{\"member\": \"" + stranger + "\"}").post(members(shared)).then().spec(fault(403));
    }

    @Test
    void ownerRemovesAMemberWhoThenLosesTheImage() throws Exception {
        add(shared, member);
        as(member).body("{\"status\": \"accepted\"}").put(members(shared) + "/" + member).then().statusCode(200);
        as(owner).delete(members(shared) + "/" + member).then().statusCode(204);
        assertEquals(1, outboxEvents("strato.image.member.deleted.v1", shared));
        as(owner).get(members(shared) + "/" + member).then().spec(fault(404));
        as(member).get(members(shared)).then().spec(fault(404));
        assertFalse(accepted(member).contains(shared));
        as(owner).delete(members(shared) + "/" + member).then().spec(fault(404));
    }

    @Test
    void sharingNeedsASharedImageAndIsNotRepeated() throws Exception {
        UUID priv = insertImage(owner, "private");
        as(owner).body("{\"member\": \"" + member + "\"}").post(members(priv)).then().spec(fault(403))
                .body("error.message", containsString("Only shared images have members"));
        add(shared, member);
        as(owner).body("{\"member\": \"" + member + "\"}").post(members(shared)).then().spec(fault(409));
    }

    @Test
    void badBodiesAre400() throws Exception {
        as(owner).body("{\"member\": ").post(members(shared)).then().spec(fault(400));
        as(owner).body("{}").post(members(shared)).then().spec(fault(400));
        as(owner).body("{\"member\": \"" + "x".repeat(65) + "\"}").post(members(shared)).then().spec(fault(400, containsString("longer than")));
        add(shared, member);
        as(member).body("{\"status\": \"maybe\"}").put(members(shared) + "/" + member).then().spec(fault(400))
                .body("error.message", containsString("pending, accepted, rejected"));
        as(member).body("{}").put(members(shared) + "/" + member).then().spec(fault(400, containsString("'status'")));
        given().contentType(ContentType.JSON).get(members(shared)).then().spec(fault(401));
    }

    @Test
    void aDeletedProjectLosesItsMemberships() throws Exception {
        add(shared, member);
        assertTrue(cleanup.accepts("strato.identity.project.deleted.v1"));
        assertFalse(cleanup.accepts("strato.identity.project.updated.v1"));
        StratoEvent deleted = new StratoEvent(UUID.randomUUID(), "strato.identity.project.deleted.v1", "/identity",
                member, OffsetDateTime.now(), JsonNodeFactory.instance.objectNode().put("id", member));
        await(() -> Panache.withTransaction(() -> cleanup.handle(deleted)).replaceWith(true));
        as(owner).get(members(shared) + "/" + member).then().spec(fault(404));
        as(owner).get(members(shared)).then().statusCode(200).body("members", hasSize(0));
        await(() -> Panache.withTransaction(() -> cleanup.handle(deleted)).replaceWith(true));
    }

    private void add(UUID image, String project) {
        as(owner).body("{\"member\": \"" + project + "\"}").post(members(image)).then().statusCode(200);
    }

    private static RequestSpecification as(String project) {
        return given().header("X-Auth-Token", TestIdentity.token("user-" + project, project, "member", "reader"))
                .contentType(ContentType.JSON);
    }

    private static String members(UUID image) {
        return "/v2/images/" + image + "/members";
    }

    private Set<UUID> accepted(String project) {
        return await(() -> visibility.acceptedImageIds(project));
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private UUID insertImage(String ownerProject, String visibility) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into image (id, name, owner, status, visibility) values (?, ?, ?, 'queued', ?)")) {
            s.setObject(1, id);
            s.setString(2, "members-test-" + id);
            s.setString(3, ownerProject);
            s.setString(4, visibility);
            s.executeUpdate();
        }
        return id;
    }

    private int outboxEvents(String type, UUID image) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select payload::text from strato_outbox where type = ? and subject = ?")) {
            s.setString(1, type);
            s.setString(2, image.toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1));
                }
            }
        }
        return found.size();
    }
}
