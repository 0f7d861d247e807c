package io.strato.identity.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An endpoint group (Keystone's OS-EP-FILTER): the endpoints matching its {@code filters} ({@code service_id},
 * {@code interface}, {@code region_id}).
 */
@Entity
@Table(name = "endpoint_group")
public class EndpointGroup {
    @Id
    public String id;
    public String name;
    public String description;
    /** Replaced as a whole on update. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> filters;
}
