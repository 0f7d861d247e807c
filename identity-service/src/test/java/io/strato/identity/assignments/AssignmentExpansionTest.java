package io.strato.identity.assignments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.strato.identity.roles.RoleGraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssignmentExpansionTest {
    private final RoleGraph graph = RoleGraph.ofMap(Map.of("admin", List.of("member"), "member", List.of("reader")));

    private static Assignment assignment(String actorType, String actorId, String role) {
        return Assignment.of(actorType, actorId, Assignment.PROJECT, "p1", role);
    }

    private static String line(AssignmentEntry e) {
        return e.userId() + ":" + e.roleId() + ":" + e.membershipGroupId() + ":" + e.priorRoleId();
    }

    @Test
    void groupAssignmentsBecomeOneLinePerMemberWithImpliedRoles() {
        List<AssignmentEntry> out = AssignmentExpansion.effective(
                List.of(assignment(Assignment.GROUP, "g1", "member"), assignment(Assignment.USER, "u3", "reader")),
                Map.of("g1", List.of("u1", "u2")), null, graph, null);
        assertEquals(List.of(
                "u1:member:g1:null", "u1:reader:g1:member",
                "u2:member:g1:null", "u2:reader:g1:member",
                "u3:reader:null:null"), out.stream().map(AssignmentExpansionTest::line).toList());
        assertEquals("member", out.get(1).source().roleId, "the assignment link stays the stored grant");
    }

    @Test
    void userFilterKeepsOnlyThatMemberAndRoleFilterAppliesAfterImplication() {
        List<AssignmentEntry> out = AssignmentExpansion.effective(
                List.of(assignment(Assignment.GROUP, "g1", "admin"), assignment(Assignment.USER, "u1", "member")),
                Map.of("g1", List.of("u1", "u2")), "u1", graph, "reader");
        assertEquals(List.of("u1:reader:g1:member", "u1:reader:null:member"),
                out.stream().map(AssignmentExpansionTest::line).toList());
    }

    @Test
    void aGroupWithoutMembersYieldsNothing() {
        assertEquals(List.of(), AssignmentExpansion.effective(List.of(assignment(Assignment.GROUP, "g", "admin")),
                Map.of(), null, graph, null));
    }

    @Test
    void aDomainSpecificRoleShowsOnlyTheRolesItImplies() {
        RoleGraph withDomainRole = RoleGraph.ofMap(Map.of("dom", List.of("member"), "member", List.of("reader")))
                .withDomainSpecific(List.of("dom"));
        List<AssignmentEntry> out = AssignmentExpansion.effective(
                List.of(assignment(Assignment.USER, "u1", "dom")), Map.of(), null, withDomainRole, null);
        assertEquals(List.of("u1:member:null:dom", "u1:reader:null:member"),
                out.stream().map(AssignmentExpansionTest::line).toList());
        assertEquals(java.util.Set.of("member", "reader"), withDomainRole.effective(List.of("dom")));
    }
}
