package io.strato.volume.transfers;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.data.outbox.Outbox;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Ids;
import io.strato.volume.volumes.Volume;
import io.strato.volume.volumes.VolumeEvents;
import io.strato.volume.volumes.VolumeOwnership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cinder's volume transfers (cinder/transfer/api.py): a project offers a volume, and any project that presents the
 * offer's auth key takes it, with its snapshots. Each change locks the volume's row first and then the transfer's,
 * so two accepts (or an accept and a delete) of one transfer decide one after the other: the first moves the volume
 * and removes the transfer, the second finds no transfer (404). The auth key is answered once, by the create.
 */
@ApplicationScoped
public class TransferService {
    /** Cinder's volume_transfer_key_length and volume_transfer_salt_length (hex characters). */
    private static final int KEY_LENGTH = 16;
    private static final int SALT_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TransferRepository transfers;
    private final VolumeOwnership ownership;
    private final Outbox outbox;

    public TransferService(TransferRepository transfers, VolumeOwnership ownership, Outbox outbox) {
        this.transfers = transfers;
        this.ownership = ownership;
        this.outbox = outbox;
    }

    /** A new transfer and its auth key (kept nowhere but in this answer). */
    public record Created(VolumeTransfer transfer, String authKey) {
    }

    /** The data of {@code strato.volume.transfer.*.v1} events (never the key or its hash). */
    record Event(String id, @JsonProperty("volume_id") String volumeId, String name,
                 @JsonProperty("source_project_id") String sourceProjectId,
                 @JsonProperty("destination_project_id") String destinationProjectId,
                 @JsonProperty("created_at") String createdAt) {
    }

    /** Offers the volume (it becomes awaiting-transfer); 404 for a volume the caller may not see, 400 when it cannot go. */
    @WithTransaction
    public Uni<Created> create(Caller caller, boolean admin, TransferRequest.Create request) {
        return ownership.offer(caller, admin, request.volumeId().toString()).chain(v -> {
            String authKey = random(KEY_LENGTH);
            VolumeTransfer t = new VolumeTransfer();
            t.id = UUID.randomUUID();
            t.volumeId = v.id;
            t.name = request.name();
            t.salt = random(SALT_LENGTH);
            t.cryptHash = hash(t.salt, authKey);
            t.sourceProjectId = v.projectId;
            t.createdAt = Instant.now();
            return transfers.persist(t).call(saved -> event("created", saved, null)).map(saved -> new Created(saved, authKey));
        });
    }

    /**
     * The caller's project's open transfers (every project's for an admin asking {@code all_tenants}), oldest first as
     * Cinder sorts them, filtered by {@code name}, {@code volume_id} or {@code id}; any other filter matches nothing,
     * as Cinder's (a key that is no attribute of a transfer).
     */
    @WithSession
    public Uni<List<VolumeTransfer>> list(Caller caller, boolean admin, boolean allTenants, Map<String, String> filters,
                                          int offset, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (!(admin && allTenants)) {
            q.append(" and sourceProjectId = :project");
            p.put("project", caller.projectId());
        }
        for (Map.Entry<String, String> f : filters.entrySet()) {
            switch (f.getKey()) {
                case "name" -> {
                    q.append(" and name = :name");
                    p.put("name", f.getValue());
                }
                case "volume_id", "id" -> {
                    UUID id = Ids.orNull(f.getValue());
                    if (id == null) {
                        return Uni.createFrom().item(List.of());
                    }
                    String field = f.getKey().equals("id") ? "id" : "volumeId";
                    q.append(" and ").append(field).append(" = :").append(field);
                    p.put(field, id);
                }
                default -> {
                    return Uni.createFrom().item(List.of());
                }
            }
        }
        if (limit == 0) {
            return Uni.createFrom().item(List.of());
        }
        return transfers.find(q + " order by createdAt, id", p).range(offset, offset + limit - 1).list();
    }

    /** The transfer, if its volume's project is the caller's (any for an admin); 404 otherwise. */
    @WithSession
    public Uni<VolumeTransfer> show(Caller caller, boolean admin, String id) {
        UUID uuid = Ids.orNull(id);
        Uni<VolumeTransfer> found = uuid == null ? Uni.createFrom().nullItem() : transfers.findById(uuid);
        return found.map(t -> visible(t, caller, admin, id));
    }

    /** Withdraws the offer: the transfer goes and an awaiting-transfer volume is available again. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, boolean admin, String id) {
        return locked(id).chain(l -> {
            visible(l.transfer(), caller, admin, id);
            return ownership.withdraw(l.volume()).chain(() -> transfers.deleteRow(l.transfer()))
                    .chain(() -> event("deleted", l.transfer(), null));
        });
    }

    /**
     * Accepts the transfer for the caller's project (any project may, with the auth key: Cinder's accept looks the
     * transfer up with an elevated context): a wrong key is a 400, the quota a 413; the volume and its snapshots become
     * the caller's and the transfer goes.
     */
    @WithTransaction
    public Uni<VolumeTransfer> accept(Caller caller, String id, String authKey) {
        return locked(id).chain(l -> {
            VolumeTransfer t = l.transfer();
            if (!MessageDigest.isEqual(hash(t.salt, authKey).getBytes(StandardCharsets.US_ASCII),
                    t.cryptHash.getBytes(StandardCharsets.US_ASCII))) {
                throw new InvalidInput("Invalid auth key: Attempt to transfer " + id + " with invalid auth key.");
            }
            return ownership.give(l.volume(), caller.projectId(), caller.userId())
                    .chain(() -> transfers.deleteRow(t))
                    .chain(() -> event("accepted", t, caller.projectId()))
                    .replaceWith(t);
        });
    }

    /** A transfer and its volume, both locked. */
    private record Locked(VolumeTransfer transfer, Volume volume) {
    }

    /**
     * Locks the transfer's volume, then the transfer (the order every volume change takes), and reads the transfer
     * again under the lock: one accepted or deleted meanwhile is a 404.
     */
    private Uni<Locked> locked(String id) {
        UUID uuid = Ids.orNull(id);
        Uni<UUID> volumeId = uuid == null ? Uni.createFrom().nullItem() : transfers.volumeOf(uuid);
        return volumeId.chain(vid -> vid == null ? Uni.createFrom().<Locked>failure(notFound(id))
                : ownership.lock(vid).chain(v -> transfers.findById(uuid, LockModeType.PESSIMISTIC_WRITE).map(t -> {
                    if (t == null || v == null) {
                        throw notFound(id);
                    }
                    return new Locked(t, v);
                })));
    }

    private static VolumeTransfer visible(VolumeTransfer t, Caller caller, boolean admin, String id) {
        if (t == null || !admin && !t.sourceProjectId.equals(caller.projectId())) {
            throw notFound(id);
        }
        return t;
    }

    private static NotFound notFound(String id) {
        return new NotFound("Transfer " + id + " could not be found.");
    }

    private Uni<Void> event(String action, VolumeTransfer t, String destination) {
        return outbox.add(VolumeEvents.TOPIC, "strato.volume.transfer." + action + ".v1", t.id.toString(),
                new Event(t.id.toString(), t.volumeId.toString(), t.name, t.sourceProjectId, destination,
                        t.createdAt.toString()));
    }

    /** {@code length} random hex digits (characters any recipient can type, as Cinder's). */
    private static String random(int length) {
        byte[] bytes = new byte[(length + 1) / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length);
    }

    /** Cinder's _get_crypt_hash: HMAC-SHA1 of the key under the salt, in hex. */
    static String hash(String salt, String authKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(authKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
