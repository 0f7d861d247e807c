package io.strato.identity.assignments;

import io.strato.identity.domains.Domain;
import io.strato.identity.groups.Group;
import io.strato.identity.projects.Project;
import io.strato.identity.roles.Role;
import io.strato.identity.users.User;
import java.util.Map;

/** What include_names needs: the named things of a listing, by id. Missing ids render without names. */
public record AssignmentNames(Map<String, User> users, Map<String, Group> groups, Map<String, Project> projects,
                              Map<String, Domain> domains, Map<String, Role> roles) {
}
