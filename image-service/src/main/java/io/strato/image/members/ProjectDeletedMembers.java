package io.strato.image.members;

import io.smallrye.mutiny.Uni;
import io.strato.kit.events.EventHandler;
import io.strato.kit.events.StratoEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * When identity deletes a project, its memberships of other projects' images go too (the images it
 * OWNS are deleted by the images feature, their members by the foreign key's cascade). Idempotent:
 * deleting rows that are already gone deletes nothing.
 */
@ApplicationScoped
public class ProjectDeletedMembers implements EventHandler {
    static final String PROJECT_DELETED = "strato.identity.project.deleted.v1";
    private static final Logger LOG = Logger.getLogger(ProjectDeletedMembers.class);

    private final ImageMemberRepository members;

    public ProjectDeletedMembers(ImageMemberRepository members) {
        this.members = members;
    }

    @Override
    public String topic() {
        return "strato.identity";
    }

    @Override
    public boolean accepts(String type) {
        return PROJECT_DELETED.equals(type);
    }

    @Override
    public Uni<Void> handle(StratoEvent event) {
        String projectId = event.subject();
        if (projectId == null || projectId.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return members.deleteOfMember(projectId).invoke(n -> {
            if (n > 0) {
                LOG.infof("Project %s was deleted: removed it from %d image(s)' members", projectId, n);
            }
        }).replaceWithVoid();
    }
}
