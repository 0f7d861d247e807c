package io.strato.identity.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where a service is reached, per interface (public, internal, admin) and region. */
@Entity
@Table(name = "endpoint")
public class Endpoint {
    @Id
    public String id;
    @Column(name = "service_id")
    public String serviceId;
    @Column(name = "interface")
    public String iface;
    @Column(name = "region_id")
    public String regionId;
    public String url;
    public boolean enabled = true;
}
