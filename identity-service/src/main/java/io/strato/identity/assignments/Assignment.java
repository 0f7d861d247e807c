package io.strato.identity.assignments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A role granted to a user or group on a project, a domain or the system. */
@Entity
@Table(name = "role_assignment")
public class Assignment {
    public static final String USER = "user";
    public static final String GROUP = "group";
    public static final String PROJECT = "project";
    public static final String DOMAIN = "domain";
    public static final String SYSTEM = "system";
    public static final String SYSTEM_ALL = "all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "actor_type")
    public String actorType;
    @Column(name = "actor_id")
    public String actorId;
    @Column(name = "target_type")
    public String targetType;
    @Column(name = "target_id")
    public String targetId;
    @Column(name = "role_id")
    public String roleId;
    public boolean inherited;

    public static Assignment of(String actorType, String actorId, String targetType, String targetId, String roleId) {
        Assignment a = new Assignment();
        a.actorType = actorType;
        a.actorId = actorId;
        a.targetType = targetType;
        a.targetId = targetId;
        a.roleId = roleId;
        return a;
    }
}
