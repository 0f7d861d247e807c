package io.strato.identity.policies;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A policy document stored through Keystone's (deprecated) policies API: an opaque {@code blob} of some
 * {@code type} (such as {@code application/json}) kept for services to fetch. Strato's own rules do not
 * read it; they come from the {@code *Policies} classes and the operator's policy file.
 */
@Entity
@Table(name = "policy")
public class PolicyDocument {
    @Id
    public String id;
    public String type;
    public String blob;
}
