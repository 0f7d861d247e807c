package io.strato.image.images;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A Glance image record. Its bytes live in the store at {@code storeLocation}; the version column
 * makes concurrent state changes (two uploads at once) fail instead of overwriting each other.
 */
@Entity
@Table(name = "image")
public class Image {
    @Id
    public UUID id;
    public String name;
    public String owner;
    public String status;
    public String visibility;
    @Column(name = "protected")
    public boolean isProtected;
    @Column(name = "os_hidden")
    public boolean osHidden;
    @Column(name = "disk_format")
    public String diskFormat;
    @Column(name = "container_format")
    public String containerFormat;
    @Column(name = "min_disk")
    public int minDisk;
    @Column(name = "min_ram")
    public int minRam;
    public Long size;
    @Column(name = "virtual_size")
    public Long virtualSize;
    public String checksum;
    @Column(name = "os_hash_algo")
    public String osHashAlgo;
    @Column(name = "os_hash_value")
    public String osHashValue;
    /** Free-form properties (Glance's additional properties), string to string. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> properties;
    /** Tags, comma-joined (a tag with a comma is refused). */
    public String tags = "";
    @Column(name = "store_location")
    public String storeLocation;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
