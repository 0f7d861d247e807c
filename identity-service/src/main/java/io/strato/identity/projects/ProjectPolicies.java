package io.strato.identity.projects;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

@ApplicationScoped
public class ProjectPolicies implements PolicyRules {
    static final String GET = "identity:get_project";
    static final String LIST = "identity:list_projects";
    static final String LIST_USER_PROJECTS = "identity:list_user_projects";
    static final String CREATE = "identity:create_project";
    static final String UPDATE = "identity:update_project";
    static final String DELETE = "identity:delete_project";
    static final String TAGS_READ = "identity:get_project_tag";
    static final String TAGS_WRITE = "identity:update_project_tags";

    @Override
    public Map<String, String> defaults() {
        String reader = "rule:admin_or_system_reader or (role:reader and domain_id:%(target.project.domain_id)s)";
        String admin = "rule:admin_required";
        return Map.of(
                GET, reader + " or project_id:%(target.project.id)s",
                LIST, "rule:admin_or_system_reader or (role:reader and domain_id:%(target.domain_id)s)",
                LIST_USER_PROJECTS, "rule:admin_or_system_reader or user_id:%(target.user.id)s",
                CREATE, admin,
                UPDATE, admin,
                DELETE, admin,
                TAGS_READ, reader + " or project_id:%(target.project.id)s",
                TAGS_WRITE, admin);
    }
}
