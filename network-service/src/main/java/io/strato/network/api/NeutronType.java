package io.strato.network.api;

/** A fault that names its Neutron error type ({@code NetworkNotFound}, {@code IpAddressGenerationFailure}...). */
public interface NeutronType {
    String neutronType();
}
