package io.strato.image.members;

import io.smallrye.mutiny.Uni;
import io.strato.kit.data.events.ProjectDeletedEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * When identity deletes a project, its memberships of other projects' images go too (the images it
 * OWNS are deleted by the images feature, their members by the foreign key's cascade). Idempotent:
 * deleting rows that are already gone deletes nothing. The kit's base skips an event naming no usable
 * project (one with a NUL would otherwise fail the query and be retried forever).
 */
@ApplicationScoped
public class ProjectDeletedMembers extends ProjectDeletedEventHandler {
    private static final Logger LOG = Logger.getLogger(ProjectDeletedMembers.class);

    private final ImageMemberRepository members;

    public ProjectDeletedMembers(ImageMemberRepository members) {
        this.members = members;
    }

    @Override
    protected Uni<Void> projectDeleted(String projectId) {
        return members.deleteOfMember(projectId).invoke(n -> {
            if (n > 0) {
                LOG.infof("Project %s was deleted: removed it from %d image(s)' members", projectId, n);
            }
        }).replaceWithVoid();
    }
}
