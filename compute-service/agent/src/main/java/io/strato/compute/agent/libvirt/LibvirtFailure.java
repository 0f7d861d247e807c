package io.strato.compute.agent.libvirt;

import org.libvirt.Error;
import org.libvirt.LibvirtException;

/** A libvirt call failed; {@link #code()} is libvirt's error number name (e.g. {@code VIR_ERR_NO_DOMAIN}). */
public class LibvirtFailure extends RuntimeException {
    private final String code;

    public LibvirtFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    static LibvirtFailure of(String action, LibvirtException e) {
        Error error = e.getError();
        String code = error == null || error.getCode() == null ? "VIR_ERR_UNKNOWN" : error.getCode().name();
        String message = error == null || error.getMessage() == null ? e.getMessage() : error.getMessage();
        return new LibvirtFailure(code, action + ": " + message, e);
    }

    /** Whether libvirt said the domain does not exist. */
    static boolean noDomain(LibvirtException e) {
        Error error = e.getError();
        return error != null && error.getCode() == Error.ErrorNumber.VIR_ERR_NO_DOMAIN;
    }

    public String code() {
        return code;
    }

    /** Whether the driver does not offer the call (libvirt's test driver for device hot-plug). */
    public boolean unsupported() {
        return "VIR_ERR_NO_SUPPORT".equals(code);
    }

    public boolean noDomain() {
        return "VIR_ERR_NO_DOMAIN".equals(code);
    }
}
