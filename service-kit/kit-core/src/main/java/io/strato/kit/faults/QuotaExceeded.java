package io.strato.kit.faults;

/** HTTP 413: Quota exceeded. */
public class QuotaExceeded extends ApiException {
    public QuotaExceeded(String message) {
        super(413, message);
    }
}
