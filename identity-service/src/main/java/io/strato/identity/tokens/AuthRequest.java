package io.strato.identity.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code POST /v3/auth/tokens} body. Parsing checks shapes only (400 on a malformed body);
 * whether the credentials are right is the authenticators' business (401).
 */
public record AuthRequest(List<String> methods, UserRef passwordUser, String password, String token,
                          AppCred applicationCredential, Scope scope) {

    /** A user named by id, or by name within a domain named by id or name. */
    public record UserRef(String id, String name, String domainId, String domainName) {
    }

    public record AppCred(String id, String name, String secret, UserRef user) {
    }

    /** What the token is requested for; all null means "no scope given". */
    public record Scope(String projectId, String projectName, String projectDomainId, String projectDomainName,
                        String domainId, String domainName, boolean system, boolean explicitlyUnscoped) {
        public static final Scope NONE = new Scope(null, null, null, null, null, null, false, false);

        public boolean project() {
            return projectId != null || projectName != null;
        }

        public boolean domain() {
            return domainId != null || domainName != null;
        }

        public boolean given() {
            return project() || domain() || system || explicitlyUnscoped;
        }
    }

    public static AuthRequest parse(JsonNode body) {
        JsonNode auth = object(body, "auth", true);
        JsonNode identity = object(auth, "identity", true);
        JsonNode methodsNode = identity.get("methods");
        if (methodsNode == null || !methodsNode.isArray() || methodsNode.isEmpty()) {
            throw new InvalidInput("Invalid input for field 'identity/methods': it must be a non-empty list.");
        }
        List<String> methods = new ArrayList<>();
        methodsNode.forEach(m -> methods.add(m.asText()));
        for (String m : methods) {
            if (!m.equals("password") && !m.equals("token") && !m.equals("application_credential")) {
                throw new InvalidInput("Attempted to authenticate with an unsupported method: " + m + ".");
            }
        }
        UserRef pwUser = null;
        String password = null;
        if (methods.contains("password")) {
            JsonNode pw = object(identity, "password", true);
            JsonNode user = object(pw, "user", true);
            pwUser = user(user, "password/user");
            password = text(user, "password");
            if (password == null) {
                throw new InvalidInput("Invalid input for field 'password/user/password': it is required.");
            }
        }
        String token = null;
        if (methods.contains("token")) {
            token = text(object(identity, "token", true), "id");
            if (token == null) {
                throw new InvalidInput("Invalid input for field 'token/id': it is required.");
            }
        }
        AppCred appCred = null;
        if (methods.contains("application_credential")) {
            JsonNode ac = object(identity, "application_credential", true);
            JsonNode user = object(ac, "user", false);
            appCred = new AppCred(text(ac, "id"), text(ac, "name"), text(ac, "secret"),
                    user == null ? null : user(user, "application_credential/user"));
            if (appCred.secret() == null || (appCred.id() == null && (appCred.name() == null || appCred.user() == null))) {
                throw new InvalidInput("Invalid input for field 'application_credential': give 'secret' and 'id', or 'name' and 'user'.");
            }
        }
        return new AuthRequest(methods, pwUser, password, token, appCred, scope(auth.get("scope")));
    }

    private static Scope scope(JsonNode s) {
        if (s == null || s.isNull()) {
            return Scope.NONE;
        }
        if (s.isTextual()) {
            if ("unscoped".equals(s.asText())) {
                return new Scope(null, null, null, null, null, null, false, true);
            }
            throw new InvalidInput("Invalid input for field 'scope': '" + s.asText() + "'.");
        }
        if (!s.isObject()) {
            throw new InvalidInput("Invalid input for field 'scope': it must be an object.");
        }
        JsonNode project = object(s, "project", false);
        JsonNode domain = object(s, "domain", false);
        JsonNode system = object(s, "system", false);
        int count = (project != null ? 1 : 0) + (domain != null ? 1 : 0) + (system != null ? 1 : 0);
        if (count > 1) {
            throw new InvalidInput("Specifying more than one scope (project, domain, system) is not allowed.");
        }
        if (project != null) {
            String id = text(project, "id");
            String name = text(project, "name");
            JsonNode pd = object(project, "domain", false);
            if (id == null && (name == null || pd == null || (text(pd, "id") == null && text(pd, "name") == null))) {
                throw new InvalidInput("Invalid input for field 'scope/project': give 'id', or 'name' and 'domain'.");
            }
            return new Scope(id, name, pd == null ? null : text(pd, "id"), pd == null ? null : text(pd, "name"),
                    null, null, false, false);
        }
        if (domain != null) {
            if (text(domain, "id") == null && text(domain, "name") == null) {
                throw new InvalidInput("Invalid input for field 'scope/domain': give 'id' or 'name'.");
            }
            return new Scope(null, null, null, null, text(domain, "id"), text(domain, "name"), false, false);
        }
        if (system != null) {
            JsonNode all = system.get("all");
            if (all == null || !all.asBoolean(false)) {
                throw new InvalidInput("Invalid input for field 'scope/system': only {\"all\": true} is supported.");
            }
            return new Scope(null, null, null, null, null, null, true, false);
        }
        return Scope.NONE;
    }

    private static UserRef user(JsonNode user, String field) {
        String id = text(user, "id");
        String name = text(user, "name");
        JsonNode d = object(user, "domain", false);
        String did = d == null ? null : text(d, "id");
        String dname = d == null ? null : text(d, "name");
        if (id == null && (name == null || (did == null && dname == null))) {
            throw new InvalidInput("Invalid input for field '" + field + "': give 'id', or 'name' and 'domain'.");
        }
        return new UserRef(id, name, did, dname);
    }

    private static JsonNode object(JsonNode parent, String field, boolean required) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new InvalidInput("Invalid input for field '" + field + "': it is required.");
            }
            return null;
        }
        if (!n.isObject()) {
            throw new InvalidInput("Invalid input for field '" + field + "': it must be an object.");
        }
        return n;
    }

    private static String text(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new InvalidInput("Invalid input for field '" + field + "': it must be a string.");
        }
        return n.asText();
    }
}
