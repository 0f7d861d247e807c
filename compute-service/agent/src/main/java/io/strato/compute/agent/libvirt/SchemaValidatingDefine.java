package io.strato.compute.agent.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.Error;
import org.libvirt.jna.ConnectionPointer;
import org.libvirt.jna.virError;

/**
 * {@code virDomainDefineXMLFlags(..., VIR_DOMAIN_DEFINE_VALIDATE)}, which libvirt-java 0.5.2 does not
 * wrap. Without validation libvirt silently drops elements it does not know, so a misspelt
 * {@code <cputune>} child would define a domain without its CPU limits; with it, the define fails and
 * says which element is wrong. Called on the libvirt thread only (the last error is thread-local).
 */
final class SchemaValidatingDefine {

    private static final int VIR_DOMAIN_DEFINE_VALIDATE = 1;

    interface Virt extends Library {
        Pointer virDomainDefineXMLFlags(ConnectionPointer conn, String xml, int flags);

        int virDomainFree(Pointer domain);

        virError virGetLastError();
    }

    private static volatile Virt virt;

    private SchemaValidatingDefine() {
    }

    /** A {@link Connect} that lets the agent reach its native pointer. */
    static final class HostConnection extends Connect {
        HostConnection(String uri) throws LibvirtException {
            super(uri);
        }

        ConnectionPointer pointer() {
            return vcp;
        }
    }

    static void define(HostConnection conn, String xml) {
        Pointer domain = virt().virDomainDefineXMLFlags(conn.pointer(), xml, VIR_DOMAIN_DEFINE_VALIDATE);
        if (domain == null) {
            virError last = virt().virGetLastError();
            Error error = last == null ? null : new Error(last);
            String code = error == null || error.getCode() == null ? "VIR_ERR_UNKNOWN" : error.getCode().name();
            throw new LibvirtFailure(code, "define domain: " + (error == null ? "unknown error" : error.getMessage()),
                    null);
        }
        virt().virDomainFree(domain);
    }

    private static Virt virt() {
        Virt v = virt;
        if (v == null) {
            synchronized (SchemaValidatingDefine.class) {
                if (virt == null) {
                    virt = Native.load("virt", Virt.class);
                }
                v = virt;
            }
        }
        return v;
    }
}
