package io.strato.kit.serviceauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What a service authenticates with: a password-authenticated, project-scoped Keystone v3 token request.
 *
 * @param url      identity v3 base URL
 * @param password empty: the caller has no credentials and works without a token
 */
public record ServiceCredentials(String url, String username, Optional<String> password, String project,
        String userDomain, String projectDomain) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static ServiceCredentials of(ServiceAuthConfig config) {
        return new ServiceCredentials(config.url(), config.username(), config.password(), config.project(),
                config.userDomain(), config.projectDomain());
    }

    /** Where tokens are issued: {@code <url>/auth/tokens}. */
    public String tokensUrl() {
        return url.replaceAll("/+$", "") + "/auth/tokens";
    }

    /** The body of {@code POST /v3/auth/tokens}: password method, project scope, domains by name. */
    public String requestBody() {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode auth = root.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", username);
        user.putObject("domain").put("name", userDomain);
        user.put("password", password.orElse(""));
        ObjectNode scope = auth.putObject("scope").putObject("project");
        scope.put("name", project);
        scope.putObject("domain").put("name", projectDomain);
        return root.toString();
    }
}
