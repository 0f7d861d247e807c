package io.strato.network.serviceproviders;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One entry of Neutron's {@code GET /v2.0/service-providers}: which driver serves a kind of advanced service. */
public record ServiceProviderView(@JsonProperty("service_type") String serviceType,
                                  @JsonProperty("name") String name,
                                  @JsonProperty("default") boolean isDefault) {

    public record Many(@JsonProperty("service_providers") List<ServiceProviderView> serviceProviders) {
    }
}
