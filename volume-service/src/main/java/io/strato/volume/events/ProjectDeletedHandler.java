package io.strato.volume.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.kit.data.events.ProjectDeletedEventHandler;
import io.strato.volume.quotas.VolumeQuota;
import io.strato.volume.snapshots.Snapshot;
import io.strato.volume.snapshots.SnapshotEvents;
import io.strato.volume.snapshots.SnapshotRepository;
import io.strato.volume.volumes.Volume;
import io.strato.volume.volumes.VolumeRepository;
import io.strato.volume.volumes.VolumeCommands;
import io.strato.volume.volumes.VolumeStatus;
import io.strato.volume.volumes.VolumeWorker;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import org.jboss.logging.Logger;

/**
 * When identity deletes a project, its volumes go too: their snapshots' records at once (with deleted
 * events), the volumes through the normal delete (deleting, then the worker removes the file and the
 * snapshot files under it, then the record). Runs once per event (the kit records it); the kit's base
 * skips an event naming no usable project.
 */
@ApplicationScoped
public class ProjectDeletedHandler extends ProjectDeletedEventHandler {
    private static final Logger LOG = Logger.getLogger(ProjectDeletedHandler.class);

    private final VolumeRepository volumes;
    private final SnapshotRepository snapshots;
    private final VolumeCommands service;
    private final VolumeWorker worker;
    private final SnapshotEvents events;
    private final VolumeQuota quota;

    public ProjectDeletedHandler(VolumeRepository volumes, SnapshotRepository snapshots, VolumeCommands service,
                                 VolumeWorker worker, SnapshotEvents events, VolumeQuota quota) {
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.service = service;
        this.worker = worker;
        this.events = events;
        this.quota = quota;
    }

    @Override
    protected Uni<Void> projectDeleted(String project) {
        return busy(project).chain(() -> snapshots.list("projectId", project))
                .call(owned -> Multi.createFrom().iterable(owned).onItem()
                        .transformToUniAndConcatenate(this::dropSnapshot).collect().asList())
                .chain(() -> volumes.list("projectId", project))
                .call(owned -> Multi.createFrom().iterable(owned).onItem()
                        .transformToUniAndConcatenate(this::markDeleting).collect().asList())
                .call(() -> quota.forget(project))
                // the UPDATEs hold the rows' locks until commit: the worker waits for it before acting
                .call(() -> Panache.getSession().chain(s -> s.flush()))
                .invoke(owned -> owned.forEach(v -> worker.delete(v.id)))
                .invoke(owned -> LOG.infof("deleting %d volume(s) of deleted project %s", owned.size(), project))
                .replaceWithVoid();
    }

    /**
     * Fails while backend work of the project is in flight (a create, an extend, a snapshot change), so the
     * event is retried (with back-off) once it settled instead of racing it and leaking its files.
     */
    private Uni<Void> busy(String project) {
        return volumes.count("projectId = ?1 and status in ?2", project, List.of(VolumeStatus.CREATING, VolumeStatus.EXTENDING))
                .chain(v -> snapshots.count("projectId = ?1 and status in ?2", project,
                        List.of(VolumeStatus.CREATING, VolumeStatus.DELETING)).invoke(s -> {
                    if (v + s > 0) {
                        throw new IllegalStateException("project " + project + " has " + (v + s)
                                + " volume(s)/snapshot(s) changing; its deletion is retried when they settle");
                    }
                })).replaceWithVoid();
    }

    /** The snapshot's record goes now; its file goes with its volume's (it is under the volume's chain). */
    private Uni<Void> dropSnapshot(Snapshot s) {
        return events.snapshot("deleted", s).call(() -> snapshots.deleteRow(s)).replaceWithVoid();
    }

    private Uni<Volume> markDeleting(Volume v) {
        return VolumeStatus.DELETING.equals(v.status) ? Uni.createFrom().item(v) : service.markDeleting(v);
    }

}
