package io.strato.kit.faults;

/**
 * The names OpenStack APIs give an untyped fault of a status, shared by the services' fault dialects and by the
 * gateway, which answers in the dialect of the API behind each route when that API cannot answer itself.
 */
public final class FaultNames {
    private FaultNames() {
    }

    /** The fault's wrapper key in Nova's and Cinder's bodies ({@code Fault._fault_names} of their wsgi). */
    public static String nova(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 406 -> "notAcceptable";
            case 409 -> "conflictingRequest";
            case 413, 429 -> "overLimit";
            case 415 -> "badMediaType";
            case 501 -> "notImplemented";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }

    /** The {@code NeutronError.type} Neutron's webob layer gives an untyped fault of this status. */
    public static String neutron(int status) {
        return switch (status) {
            case 400 -> "HTTPBadRequest";
            case 401 -> "HTTPUnauthorized";
            case 403 -> "PolicyNotAuthorized";
            case 404 -> "HTTPNotFound";
            case 405 -> "HTTPMethodNotAllowed";
            case 409 -> "Conflict";
            case 413 -> "HTTPRequestEntityTooLarge";
            case 415 -> "HTTPUnsupportedMediaType";
            case 502 -> "HTTPBadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "HTTPGatewayTimeout";
            default -> status >= 500 ? "HTTPInternalServerError" : "HTTPClientError";
        };
    }
}
