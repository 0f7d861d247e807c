package io.strato.identity.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A service of the catalog (identity, compute, network, image, volumev3...). */
@Entity
@Table(name = "catalog_service")
public class CatalogService {
    @Id
    public String id;
    public String type;
    public String name;
    public String description;
    public boolean enabled = true;
}
