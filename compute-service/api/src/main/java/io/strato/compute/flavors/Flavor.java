package io.strato.compute.flavors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Nova flavor: the size of a server (vCPUs, RAM, disks). {@code id} is Nova's {@code flavorid}, a string
 * ("1", a UUID, ...). Its extra specs and access list live in their own tables ({@link FlavorSpecs}).
 */
@Entity
@Table(name = "flavor")
public class Flavor {
    @Id
    public String id;
    public String name;
    public String description;
    @Column(name = "memory_mb")
    public int memoryMb;
    public int vcpus;
    @Column(name = "root_gb")
    public int rootGb;
    @Column(name = "ephemeral_gb")
    public int ephemeralGb;
    /** Swap in MB. */
    public int swap;
    @Column(name = "rxtx_factor")
    public double rxtxFactor = 1.0;
    @Column(name = "is_public")
    public boolean isPublic = true;
    public boolean disabled;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
