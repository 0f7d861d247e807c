package io.strato.identity.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Filter;
import io.strato.identity.api.Ids;
import io.strato.identity.api.Validate;
import io.strato.identity.events.IdentityEvents;
import io.strato.identity.projects.ProjectRepository;
import io.strato.identity.users.UserRepository;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Credentials (Keystone's {@code /v3/credentials}) and their OS-EC2 face. Owner and project must exist;
 * deleting either deletes its credentials (foreign keys), as Keystone's callbacks do.
 */
@ApplicationScoped
public class CredentialService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CredentialRepository credentials;
    private final UserRepository users;
    private final ProjectRepository projects;
    private final IdentityEvents events;
    private final ObjectMapper json;

    public CredentialService(CredentialRepository credentials, UserRepository users, ProjectRepository projects,
                             IdentityEvents events, ObjectMapper json) {
        this.credentials = credentials;
        this.users = users;
        this.projects = projects;
        this.events = events;
        this.json = json;
    }

    @WithSession
    public Uni<Credential> get(String id) {
        return credentials.findById(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    @WithSession
    public Uni<List<Credential>> list(String userId, String type) {
        Filter f = new Filter().eq("userId", userId).eq("type", type);
        return credentials.list(f.orderBy("id"), f.params());
    }

    @WithTransaction
    public Uni<Credential> create(CredentialView.Fields f) {
        Credential c = new Credential();
        c.userId = Validate.name(f.userId(), "credential.user_id");
        c.projectId = f.projectId();
        c.type = Validate.name(f.type(), "credential.type");
        c.blob = blob(f.blob());
        c.id = Credential.EC2.equals(c.type) ? hashAccessKey(ec2Blob(c).access()) : Ids.newId();
        return requireOwnerAndProject(c).chain(() -> store(c));
    }

    @WithTransaction
    public Uni<Credential> update(String id, CredentialView.Fields f) {
        return get(id).call(c -> {
            if (f.userId() != null) {
                c.userId = Validate.name(f.userId(), "credential.user_id");
            }
            if (f.projectId() != null) {
                c.projectId = f.projectId();
            }
            if (f.type() != null) {
                c.type = Validate.name(f.type(), "credential.type");
            }
            if (f.blob() != null) {
                c.blob = blob(f.blob());
            }
            if (Credential.EC2.equals(c.type)) {
                ec2Blob(c);
            }
            return requireOwnerAndProject(c).call(() -> events.publish("credential", "updated", c.id, data(c)));
        });
    }

    @WithTransaction
    public Uni<Void> delete(String id) {
        return get(id).call(credentials::delete)
                .call(c -> events.publish("credential", "deleted", c.id, data(c))).replaceWithVoid();
    }

    /** OS-EC2: a new access/secret pair for the user on the project ({@code tenant_id}). */
    @WithTransaction
    public Uni<Credential> createEc2(String userId, String projectId) {
        Credential c = new Credential();
        c.userId = userId;
        c.projectId = Validate.name(projectId, "tenant_id");
        c.type = Credential.EC2;
        Ec2CredentialView.Ec2Blob blob = new Ec2CredentialView.Ec2Blob(randomKey(), randomKey(), null);
        c.blob = write(blob);
        c.id = hashAccessKey(blob.access());
        return requireOwnerAndProject(c).chain(() -> store(c));
    }

    @WithSession
    public Uni<List<Credential>> listEc2(String userId) {
        return users.findById(userId).onItem().ifNull().failWith(() -> new NotFound("Could not find user: " + userId + "."))
                .chain(() -> list(userId, Credential.EC2));
    }

    /** The user's ec2 credential with this access key; 404 for another user's, as if it did not exist. */
    @WithSession
    public Uni<Credential> getEc2(String userId, String access) {
        String id = hashAccessKey(access);
        return credentials.findById(id).map(c -> {
            if (c == null || !Credential.EC2.equals(c.type) || !c.userId.equals(userId)) {
                throw notFound(id);
            }
            return c;
        });
    }

    @WithTransaction
    public Uni<Void> deleteEc2(String userId, String access) {
        return getEc2(userId, access).call(credentials::delete)
                .call(c -> events.publish("credential", "deleted", c.id, data(c))).replaceWithVoid();
    }

    /** The parsed blob of an ec2 credential: a JSON object with a string {@code access}. */
    public Ec2CredentialView.Ec2Blob ec2Blob(Credential c) {
        Ec2CredentialView.Ec2Blob b;
        try {
            b = json.readValue(c.blob, Ec2CredentialView.Ec2Blob.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidInput("Invalid blob in credential: an ec2 credential's blob is a JSON object with"
                    + " 'access' and 'secret'.");
        }
        if (b == null || b.access() == null || b.access().isEmpty()) {
            throw new InvalidInput("Invalid blob in credential: an ec2 credential's blob needs an 'access' key.");
        }
        if (c.projectId == null) {
            throw new InvalidInput("Invalid input for field 'credential.project_id': an ec2 credential needs a project.");
        }
        return b;
    }

    private Uni<Credential> store(Credential c) {
        return credentials.findById(c.id).flatMap(existing -> {
            if (existing != null) {
                throw new Conflict("Conflict occurred attempting to store credential - Duplicate ID, " + c.id + ".");
            }
            return credentials.persist(c);
        }).call(saved -> events.publish("credential", "created", saved.id, data(saved)));
    }

    private Uni<Void> requireOwnerAndProject(Credential c) {
        Uni<Void> owner = users.findById(c.userId).onItem().ifNull()
                .failWith(() -> new NotFound("Could not find user: " + c.userId + ".")).replaceWithVoid();
        if (c.projectId == null) {
            return owner;
        }
        return owner.chain(() -> projects.findById(c.projectId)).onItem().ifNull()
                .failWith(() -> new NotFound("Could not find project: " + c.projectId + ".")).replaceWithVoid();
    }

    private String write(Ec2CredentialView.Ec2Blob blob) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("access", blob.access());
        m.put("secret", blob.secret());
        m.put("trust_id", blob.trustId());
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blob(String blob) {
        if (blob == null) {
            throw new InvalidInput("Invalid input for field 'credential.blob': it is required.");
        }
        return blob;
    }

    /** Keystone's ec2 credential id: the hex SHA-256 of the access key. */
    static String hashAccessKey(String access) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(access.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomKey() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static Map<String, Object> data(Credential c) {
        return Map.of("id", c.id, "user_id", c.userId, "type", c.type);
    }

    static NotFound notFound(String id) {
        return new NotFound("Could not find credential: " + id + ".");
    }
}
