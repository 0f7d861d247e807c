package io.strato.identity.roles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** An inference rule: whoever holds the prior role also holds the implied one (admin ⇒ member ⇒ reader). */
@Entity
@Table(name = "implied_role")
@IdClass(ImpliedRole.Key.class)
public class ImpliedRole {
    @Id
    @Column(name = "prior_role_id")
    public String priorRoleId;
    @Id
    @Column(name = "implied_role_id")
    public String impliedRoleId;

    public static class Key implements Serializable {
        public String priorRoleId;
        public String impliedRoleId;

        public Key() {
        }

        public Key(String priorRoleId, String impliedRoleId) {
            this.priorRoleId = priorRoleId;
            this.impliedRoleId = impliedRoleId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(priorRoleId, k.priorRoleId)
                    && Objects.equals(impliedRoleId, k.impliedRoleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(priorRoleId, impliedRoleId);
        }
    }
}
