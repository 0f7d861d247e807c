package io.strato.kit.faults;

/** HTTP 413: the request body is over the service's limit (oslo.middleware's sizelimit in OpenStack). */
public class BodyTooLarge extends ApiException {
    public BodyTooLarge(String message) {
        super(413, message);
    }
}
