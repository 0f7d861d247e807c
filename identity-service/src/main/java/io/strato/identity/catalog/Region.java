package io.strato.identity.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A region of the catalog (RegionOne). */
@Entity
@Table(name = "region")
public class Region {
    @Id
    public String id;
    public String description;
    @Column(name = "parent_region_id")
    public String parentRegionId;
}
