package io.strato.gateway.routing;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One validated route: requests under {@code prefix} go to {@code host:port} with the prefix replaced by
 * {@code basePath}.
 *
 * @param name      route name (identity, compute, ...)
 * @param prefix    public path prefix, starts with "/" and never ends with "/"
 * @param upstream  upstream base URL as configured
 * @param ssl       whether the upstream speaks HTTPS
 * @param host      upstream host
 * @param port      upstream port
 * @param basePath  path of the upstream base URL without trailing "/" (usually empty)
 * @param timeoutMs idle timeout towards the upstream, in milliseconds
 */
public record Route(String name, String prefix, String upstream, boolean ssl, String host, int port,
                    String basePath, long timeoutMs) {

    /** Validates one configured route; throws {@link IllegalArgumentException} with a message naming the route. */
    public static Route of(String name, String prefix, String upstream, long timeoutMs) {
        if (prefix == null || !prefix.startsWith("/") || prefix.length() < 2 || prefix.endsWith("/")
                || prefix.equals("/q") || prefix.startsWith("/q/")) {
            throw new IllegalArgumentException("route " + name + ": path must look like /name (not /, not under /q), got "
                    + prefix);
        }
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("route " + name + ": timeout must be positive");
        }
        URI uri;
        try {
            uri = new URI(upstream);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("route " + name + ": upstream is not a URL: " + upstream, e);
        }
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("route " + name + ": upstream must be an http(s) URL with a host: "
                    + upstream);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("route " + name + ": upstream must not have a query or fragment: "
                    + upstream);
        }
        boolean ssl = "https".equalsIgnoreCase(scheme);
        int port = uri.getPort() > 0 ? uri.getPort() : (ssl ? 443 : 80);
        String basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        return new Route(name, prefix, upstream, ssl, uri.getHost(), port, basePath, timeoutMs);
    }

    /** Whether this route serves the given raw request path: the prefix itself or anything below it. */
    public boolean covers(String path) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /**
     * Whether the path is the upstream's Quarkus management area ({@code <prefix>/q} or below, however the segment is
     * spelled: {@code %71}, a doubled slash), which the gateway never forwards.
     */
    public boolean internal(String path) {
        String rest = path.substring(prefix.length());
        if (rest.indexOf('%') >= 0) {
            // decoded only when escaped: without a '%' (nearly every request) decoding would change nothing
            try {
                rest = URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                // a broken %-escape is the upstream's 400 to give; the raw path is checked as it is
            }
        }
        int start = 0;
        while (start < rest.length() && rest.charAt(start) == '/') {
            start++;
        }
        if (!rest.startsWith("q", start)) {
            return false;
        }
        int after = start + 1;
        return after == rest.length() || rest.charAt(after) == '/' || rest.charAt(after) == ';';
    }

    /**
     * The request URI to send upstream: the prefix is replaced by the upstream's base path
     * ({@code /identity/v3/projects?x=1} becomes {@code /v3/projects?x=1}; {@code /identity} becomes {@code /}).
     * Slashes leading the rest are merged into one, as nginx's {@code merge_slashes} does: a request line starting
     * {@code //} is refused by the upstream's HTTP codec with an empty 400 (no fault body, no request id).
     */
    public String upstreamUri(String path, String query) {
        String rest = path.substring(prefix.length());
        int slashes = 0;
        while (slashes < rest.length() && rest.charAt(slashes) == '/') {
            slashes++;
        }
        if (slashes > 1) {
            rest = rest.substring(slashes - 1);
        }
        String upstreamPath = basePath + (rest.isEmpty() ? "/" : rest);
        return query == null ? upstreamPath : upstreamPath + "?" + query;
    }
}
