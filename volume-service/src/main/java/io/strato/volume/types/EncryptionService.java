package io.strato.volume.types;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Cinder's volume type encryption specs (admins). They change only while no volume uses the type, as in Cinder.
 * Strato has no key manager, so volumes of an encrypted type are refused (see {@link VolumeTypeService#refuseEncrypted}).
 */
@ApplicationScoped
public class EncryptionService {
    private static final Set<String> LOCATIONS = Set.of("front-end", "back-end");
    private static final String IN_USE = "select count(*) from volume where volume_type_id = ?1";

    private final EncryptionTypeRepository encryptions;
    private final VolumeTypeService types;

    public EncryptionService(EncryptionTypeRepository encryptions, VolumeTypeService types) {
        this.encryptions = encryptions;
        this.types = types;
    }

    /** The type's encryption specs, or null when it has none. */
    @WithSession
    public Uni<EncryptionType> show(String typeId) {
        return types.get(typeId, true, null).flatMap(t -> encryptions.ofType(t.id));
    }

    @WithTransaction
    public Uni<EncryptionType> create(String typeId, EncryptionRequest.Fields body) {
        return lockedUnused(typeId, "create").flatMap(t -> encryptions.ofType(t.id).flatMap(existing -> {
            if (existing != null) {
                throw new InvalidInput("Volume type encryption for type " + t.id + " already exists.");
            }
            EncryptionType e = new EncryptionType();
            e.id = UUID.randomUUID();
            e.volumeTypeId = t.id;
            e.controlLocation = "front-end";
            e.createdAt = Instant.now();
            apply(e, body, true);
            return encryptions.persist(e);
        }));
    }

    @WithTransaction
    public Uni<EncryptionType> update(String typeId, String encryptionId, EncryptionRequest.Fields body) {
        return lockedUnused(typeId, "update").flatMap(t -> existing(t, encryptionId)).map(e -> {
            apply(e, body, false);
            e.updatedAt = Instant.now();
            return e;
        });
    }

    @WithTransaction
    public Uni<Void> delete(String typeId, String encryptionId) {
        return lockedUnused(typeId, "delete").flatMap(t -> existing(t, encryptionId)).flatMap(encryptions::deleteRow);
    }

    /**
     * The type's specs. Cinder does not check the id in the URL of an update or delete (its clients, Tempest's among
     * them, send {@code .../encryption/provider}): the type's one set of specs is meant.
     */
    private Uni<EncryptionType> existing(VolumeType t, String encryptionId) {
        return encryptions.ofType(t.id).map(e -> {
            if (e == null) {
                throw new NotFound("Volume type encryption for type " + t.id + " does not exist.");
            }
            return e;
        });
    }

    /** The type (404 when unknown), locked, refused (400) while volumes use it. */
    private Uni<VolumeType> lockedUnused(String typeId, String what) {
        return types.get(typeId, true, null)
                .flatMap(found -> types.locked(found.id))
                .call(t -> encryptions.getSession().chain(s -> s.createNativeQuery(IN_USE).setParameter(1, t.id).getSingleResult())
                        .invoke(n -> {
                            if (((Number) n).longValue() > 0) {
                                throw new InvalidInput("Cannot " + what + " encryption specs. Volume type in use.");
                            }
                        }));
    }

    private static void apply(EncryptionType e, EncryptionRequest.Fields body, boolean create) {
        if (body == null) {
            throw new InvalidInput("The request body must be {\"encryption\": {...}}.");
        }
        if (body.provider() != null || create) {
            JsonNode p = body.provider();
            if (p == null || !p.isTextual() || p.asText().isBlank() || p.asText().length() > 255) {
                throw new InvalidInput("Invalid input received: provider is required: a string of 1 to 255 characters.");
            }
            e.provider = p.asText();
        }
        if (body.cipher() != null) {
            if (!body.cipher().isNull() && (!body.cipher().isTextual() || body.cipher().asText().length() > 255)) {
                throw new InvalidInput("Invalid input received: cipher must be a string of at most 255 characters.");
            }
            e.cipher = body.cipher().isNull() ? null : body.cipher().asText();
        }
        if (body.keySize() != null) {
            JsonNode k = body.keySize();
            if (!k.isNull() && !(k.isIntegralNumber() && k.asLong() >= 0 && k.asLong() <= Integer.MAX_VALUE)
                    && !(k.isTextual() && k.asText().matches("[0-9]{1,9}"))) {
                throw new InvalidInput("Invalid input received: key_size must be a non-negative integer.");
            }
            e.keySize = k.isNull() ? null : Integer.valueOf(k.asText());
        }
        if (body.controlLocation() != null) {
            String c = body.controlLocation().asText();
            if (!LOCATIONS.contains(c)) {
                throw new InvalidInput("Invalid input received: control_location must be front-end or back-end.");
            }
            e.controlLocation = c;
        }
    }
}
