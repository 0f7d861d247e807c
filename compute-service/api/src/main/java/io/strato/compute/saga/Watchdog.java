package io.strato.compute.saga;

import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.GlanceImages;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.scheduler.Claims;
import io.strato.compute.servers.InstanceActions;
import io.strato.compute.servers.Server;
import io.strato.compute.servers.VmStates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Ends tasks that outlived their deadline, so nothing stays in BUILD or in a task forever: a build goes to
 * ERROR and gives back what it held, a delete finishes without the agent (a later Delete the agent reads
 * still removes the domain), any other action is given up and the server keeps its last known state (a snapshot's
 * image is deleted).
 */
@ApplicationScoped
public class Watchdog {
    private static final Logger LOG = Logger.getLogger(Watchdog.class);
    static final String NO_ANSWER = "The host's agent did not answer in time.";

    private final BuildFailures failures;
    private final Teardown teardown;
    private final Claims claims;
    private final InstanceActions actions;
    private final SagaConfig config;
    private final GlanceImages images;

    Watchdog(BuildFailures failures, Teardown teardown, Claims claims, InstanceActions actions, SagaConfig config,
             GlanceImages images) {
        this.images = images;
        this.failures = failures;
        this.teardown = teardown;
        this.claims = claims;
        this.actions = actions;
        this.config = config;
    }

    public Uni<Void> expire(Server s) {
        LOG.warnf("server %s: task %s passed its deadline %s", s.id, s.taskState, s.deadline);
        UUID waitedFor = s.commandId;
        if (s.isBuilding()) {
            return failures.fail(s, Faults.buildTimedOut(s.id, config.buildTimeout().toSeconds()));
        }
        Uni<Void> finished = actions.finish(waitedFor, false, NO_ANSWER);
        if (VmStates.DELETING.equals(s.taskState)) {
            s.commandId = null;
            s.deadline = null;
            return finished.chain(() -> teardown.finishDelete(s));
        }
        if (RebuildSteps.handles(s.taskState)) {
            return finished.chain(() -> RebuildSteps.failed(s, s.powerState, NO_ANSWER));
        }
        Uni<Void> undo = undo(s);
        s.taskState = null;
        s.commandId = null;
        s.deadline = null;
        s.updatedAt = InstanceActions.now();
        return finished.chain(() -> undo);
    }

    /**
     * A resize that never finished keeps the old flavor's claim; a revert that never finished leaves the server broken;
     * a snapshot that never finished has its image deleted (a late upload then fails on the host).
     */
    private Uni<Void> undo(Server s) {
        boolean imaging = VmStates.IMAGE_SNAPSHOT_PENDING.equals(s.taskState) || VmStates.IMAGE_BACKUP.equals(s.taskState);
        if (imaging && s.snapshotImageId != null) {
            String image = s.snapshotImageId.toString();
            s.snapshotImageId = null;
            return images.deleteAsService(image).onFailure().invoke(e -> LOG.warnf(
                    "server %s: could not delete image %s of a snapshot given up: %s", s.id, image, e.getMessage()))
                    .onFailure().recoverWithNull();
        }
        if (VmStates.RESIZE_PREP.equals(s.taskState) && s.host != null && s.flavor != null) {
            s.oldFlavor = null;
            s.newFlavor = null;
            return claims.keepOnly(s.id, s.host, s.flavor);
        }
        if (VmStates.RESIZE_REVERTING.equals(s.taskState)) {
            s.vmState = VmStates.ERROR;
            s.fault = Faults.of(500, "Revert resize of instance " + s.id + " timed out.", NO_ANSWER);
        }
        return Uni.createFrom().voidItem();
    }
}
