package io.strato.identity.credentials;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A credential stored for a user (Keystone's {@code /v3/credentials}): an opaque {@code blob} of some
 * {@code type}. An {@code ec2} credential's blob is JSON with {@code access} and {@code secret}, and its id
 * is the SHA-256 of the access key, so EC2 requests find it by the key they carry.
 */
@Entity
@Table(name = "credential")
public class Credential {
    public static final String EC2 = "ec2";

    @Id
    public String id;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "project_id")
    public String projectId;
    public String type;
    public String blob;
}
