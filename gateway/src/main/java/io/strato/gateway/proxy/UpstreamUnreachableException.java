package io.strato.gateway.proxy;

/** No connection to the upstream could be made (refused, connect timeout, unknown host). */
public class UpstreamUnreachableException extends RuntimeException {

    public UpstreamUnreachableException(String route, Throwable cause) {
        super(route + " is not reachable", cause);
    }
}
