package io.strato.network.agent.host;

/** A host tool (ip, nft, dnsmasq) refused or failed a change; the reconciler retries with back-off. */
public final class HostFailure extends RuntimeException {
    public HostFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
