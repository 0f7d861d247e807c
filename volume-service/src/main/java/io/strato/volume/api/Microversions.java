package io.strato.volume.api;

import io.strato.kit.faults.ApiException;
import io.strato.kit.faults.InvalidInput;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.math.BigInteger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Cinder's microversions: a request may ask for {@code OpenStack-API-Version: volume 3.x}; without the
 * header it gets 3.0. A version outside [{@link #MIN}, {@link #MAX}] is a 406 and a malformed one a 400,
 * as in Cinder. Every v3 answer says which version served it. {@link #MAX} is the highest version whose
 * behaviour this service really implements: raise it only with the changes that version brings.
 */
public class Microversions {
    private final ApiVersion served;

    public Microversions(ApiVersion served) {
        this.served = served;
    }

    public static final String HEADER = "OpenStack-API-Version";
    public static final String MIN = "3.0";
    public static final String MAX = "3.44";
    /** The attachments API (Cinder 3.27). */
    public static final int ATTACHMENTS = 27;
    /** The attachments API's os-complete action (Cinder 3.44). */
    public static final int ATTACHMENT_COMPLETE = 44;
    static final String SERVED = "strato.volume.microversion";

    /** HTTP 406: the requested microversion is not served. */
    static final class NotAcceptable extends ApiException {
        NotAcceptable(String message) {
            super(406, message);
        }
    }

    @ServerRequestFilter(preMatching = true)
    public void request(ContainerRequestContext ctx) {
        String header = ctx.getHeaderString(HEADER);
        String path = ctx.getUriInfo().getPath();
        if (header == null || header.isBlank() || !path.startsWith("/v3")) {
            ctx.setProperty(SERVED, MIN);
            return;
        }
        String version = null;
        for (String part : header.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words.length == 2 && words[0].equalsIgnoreCase("volume")) {
                version = words[1];
            }
        }
        if (version == null) {
            ctx.setProperty(SERVED, MIN);
            return;
        }
        if (version.equalsIgnoreCase("latest")) {
            version = MAX;
        }
        if (!version.matches("[1-9][0-9]*\\.(0|[1-9][0-9]*)")) {
            throw new InvalidInput("Invalid API version string '" + version + "': the format is MajorNum.MinorNum.");
        }
        if (compare(version, MIN) < 0 || compare(version, MAX) > 0) {
            throw new NotAcceptable("Version " + version + " is not supported by the API. Minimum is "
                    + MIN + " and maximum is " + MAX + ".");
        }
        ctx.setProperty(SERVED, version);
        served.set(Integer.parseInt(version.substring(version.indexOf('.') + 1)));
    }

    @ServerResponseFilter
    public void response(ContainerRequestContext req, ContainerResponseContext res) {
        if (req.getUriInfo().getPath().startsWith("/v3")) {
            Object served = req.getProperty(SERVED);
            res.getHeaders().putSingle(HEADER, "volume " + (served == null ? MIN : served));
            res.getHeaders().add("Vary", HEADER);
        }
    }

    /** Compares two well-formed versions; numbers of any length (Cinder's are Python ints: 3.99999999999 is a 406). */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = new BigInteger(x[0]).compareTo(new BigInteger(y[0]));
        return c != 0 ? c : new BigInteger(x[1]).compareTo(new BigInteger(y[1]));
    }
}
