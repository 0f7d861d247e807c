package io.strato.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.strato.compute.api.ApiVersion;
import io.smallrye.mutiny.Uni;
import io.strato.kit.rest.BodyRecords;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** {@code POST /servers/{id}/action}: the body's single key names the action, as in Nova. */
@Path("/v2.1/servers/{id}/action")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServerActionResource {
    private final ServerActions actions;
    private final ServerLocks locks;
    private final ServerRebuilds rebuilds;
    private final ServerAdminActions admin;
    private final ServerUpdates updates;
    private final ServerSecurityGroups groups;
    private final ServerFloatingIps floatingIps;
    private final ServerSnapshots snapshots;
    private final ServerViews views;
    private final Policy policy;
    private final CurrentCaller callers;
    private final RequestContext request;
    private final ApiVersion version;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final String imageUrl;
    private final String publicUrl;

    public ServerActionResource(ServerActions actions, ServerLocks locks, ServerRebuilds rebuilds,
                                ServerAdminActions admin, ServerUpdates updates, ServerSecurityGroups groups,
                                ServerFloatingIps floatingIps, ServerSnapshots snapshots, ServerViews views, Policy policy,
                                CurrentCaller callers, RequestContext request, ApiVersion version,
                                com.fasterxml.jackson.databind.ObjectMapper json,
                                @org.eclipse.microprofile.config.inject.ConfigProperty(name = "strato.compute.image-url",
                                        defaultValue = "http://127.0.0.1:9292") String imageUrl,
                                @org.eclipse.microprofile.config.inject.ConfigProperty(name = "strato.compute.public-url",
                                        defaultValue = "http://127.0.0.1:8080/compute") String publicUrl) {
        this.snapshots = snapshots;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.imageUrl = imageUrl.replaceAll("/+$", "");
        this.version = version;
        this.json = json;
        this.admin = admin;
        this.updates = updates;
        this.groups = groups;
        this.floatingIps = floatingIps;
        this.actions = actions;
        this.locks = locks;
        this.rebuilds = rebuilds;
        this.views = views;
        this.policy = policy;
        this.callers = callers;
        this.request = request;
    }

    @POST
    public Uni<Response> act(@PathParam("id") String id, ServerActionBody body, @HeaderParam("X-Auth-Token") String token) {
        Caller caller = callers.get();
        UUID serverId = RequestContext.serverId(id);
        JsonNode root = BodyRecords.json(body);
        if (root.isEmpty()) {
            throw new InvalidInput("The request body must name one action.");
        }
        if (root.size() > 1) {
            throw new InvalidInput("Malformed request body: too many body keys"); // Nova's action_peek
        }
        String action = root.fieldNames().next();
        JsonNode args = root.get(action);
        String rid = request.requestId();
        return switch (action) {
            case "os-stop" -> accepted(actions.stop(caller, serverId, rid));
            case "os-start" -> accepted(actions.start(caller, serverId, rid));
            case "reboot" -> accepted(actions.reboot(caller, serverId, rid, hard(args)));
            case "resize" -> accepted(actions.resize(caller, serverId, rid, flavorRef(args)));
            case "confirmResize" -> actions.confirmResize(caller, serverId, rid).map(v -> Response.noContent().build());
            case "revertResize" -> accepted(actions.revertResize(caller, serverId, rid));
            case "lock" -> accepted(locks.lock(caller, serverId, rid, lockedReason(args, version.get())));
            case "unlock" -> accepted(locks.unlock(caller, serverId, rid));
            case "rebuild" -> rebuild(caller, token, serverId, rid, RebuildRequest.parse(args, version.get()));
            case "os-getConsoleOutput" -> actions.consoleOutput(caller, serverId, length(args))
                    .map(out -> Response.ok(new ServerView.ConsoleOutput(out)).build());
            case "pause" -> accepted(actions.pause(caller, serverId, rid));
            case "unpause" -> accepted(actions.unpause(caller, serverId, rid));
            case "suspend" -> accepted(actions.suspend(caller, serverId, rid));
            case "resume" -> accepted(actions.resume(caller, serverId, rid));
            case "os-resetState" -> accepted(admin.resetState(caller, serverId, rid, resetState(args)));
            case "restore" -> accepted(admin.restore(caller, serverId));
            case "forceDelete" -> accepted(updates.delete(caller, serverId, rid, ServerPolicies.FORCE_DELETE));
            case "addSecurityGroup" -> accepted(groups.add(caller, token, serverId, groupName(action, args)));
            case "removeSecurityGroup" -> accepted(groups.remove(caller, token, serverId, groupName(action, args)));
            case "addFloatingIp" -> {
                belowFloatingIpRemoval(action);
                yield accepted(floatingIps.add(caller, token, serverId, address(action, args, "address", true),
                        address(action, args, "fixed_address", false)));
            }
            case "removeFloatingIp" -> {
                belowFloatingIpRemoval(action);
                yield accepted(floatingIps.remove(caller, token, serverId, address(action, args, "address", true)));
            }
            case "createImage" -> createImage(caller, token, serverId, rid, ServerSnapshots.Request.parse(args));
            case "createBackup" -> createBackup(caller, token, serverId, rid, ServerSnapshots.BackupRequest.parse(args));
            case "injectNetworkInfo" -> accepted(admin.injectNetworkInfo(caller, serverId));
            case "resetNetwork" -> throw new io.strato.compute.api.Gone(); // Nova removed it with the Xen driver (23.0.0), answering 410
            default -> throw new InvalidInput("There is no such action: " + action);
        };
    }

    /** 202 with the basic view and the admin password, as Nova's rebuild answers (from 2.75 the show view). */
    private Uni<Response> rebuild(Caller caller, String token, UUID id, String rid, RebuildRequest req) {
        ServerViews.Audience who = views.audience(caller).one();
        return rebuilds.rebuild(caller, token, id, rid, req, who.admin()).map(r -> {
            Server s = r.page().servers().get(0);
            if (who.version().atLeast(75)) {
                // the show view (Nova's rebuild leaves out the extended user_data), the password, the user data
                com.fasterxml.jackson.databind.node.ObjectNode v = json.valueToTree(views.full(s,
                        r.page().ports().getOrDefault(s.id, java.util.List.of()), r.page().volumes().getOrDefault(s.id, java.util.List.of()),
                        r.page().tags().getOrDefault(s.id, java.util.List.of()), who, s.host == null ? null : r.page().nodes().get(s.host)));
                v.remove("OS-EXT-SRV-ATTR:user_data");
                v.put("adminPass", r.adminPass());
                v.put("user_data", s.userData);
                return Response.accepted(java.util.Map.of("server", v)).build();
            }
            ServerBasicView v = views.basic(s, r.page().ports().getOrDefault(s.id, java.util.List.of()),
                    r.page().tags().getOrDefault(s.id, java.util.List.of()), who);
            return Response.accepted(new ServerBasicView.One(v.rebuilt(r.adminPass(), s.keyName, s.userData, who.version()))).build();
        });
    }

    /**
     * 202; from 2.45 with {@code {"image_id": id}}, before with a {@code Location} of the image at image-service
     * (Nova's {@code generate_image_url}: the image API's base URL, {@code /images/<id>}).
     */
    private Uni<Response> createImage(Caller caller, String token, UUID id, String rid, ServerSnapshots.Request req) {
        io.strato.compute.api.Microversion v = version.get();
        return snapshots.createImage(caller, token, id, rid, req, v).map(imageId -> v.atLeast(45)
                ? Response.accepted(java.util.Map.of("image_id", imageId.toString())).build()
                : Response.accepted().header("Location", imageUrl + "/images/" + imageId).build());
    }

    /**
     * 202; from 2.45 with {@code {"image_id": id}}, before with a {@code Location} of the image in this API's own
     * image proxy when {@code rotation} is above 0 (Nova's {@code url_join(application_url, 'images', id)}).
     */
    private Uni<Response> createBackup(Caller caller, String token, UUID id, String rid, ServerSnapshots.BackupRequest req) {
        io.strato.compute.api.Microversion v = version.get();
        return snapshots.createBackup(caller, token, id, rid, req, v).map(imageId -> {
            if (v.atLeast(45)) {
                return Response.accepted(java.util.Map.of("image_id", imageId.toString())).build();
            }
            Response.ResponseBuilder r = Response.accepted();
            return (req.rotation() > 0 ? r.header("Location", publicUrl + "/v2.1/images/" + imageId) : r).build();
        });
    }

    private static Uni<Response> accepted(Uni<Void> done) {
        return done.map(v -> Response.accepted().build());
    }

    /**
     * The {@code locked_reason} of a 2.73 lock ({@code {"lock": null}} or {@code {"lock": {"locked_reason": r}}},
     * 1-255 characters, nothing else); before 2.73 the body's value is not read, as in Nova.
     */
    static String lockedReason(JsonNode args, io.strato.compute.api.Microversion version) {
        if (!version.atLeast(73) || args == null || args.isNull()) {
            return null;
        }
        if (!args.isObject()) {
            throw new InvalidInput("Invalid input for field/attribute lock. Value: " + args + ". " + args
                    + " is not of type 'object', 'null'");
        }
        for (java.util.Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("locked_reason")) {
                throw new InvalidInput("Invalid input for field/attribute lock. Value: " + args
                        + ". Additional properties are not allowed ('" + f + "' was unexpected)");
            }
        }
        JsonNode r = args.get("locked_reason");
        if (r == null) {
            return null;
        }
        if (!r.isTextual() || r.asText().isEmpty() || r.asText().length() > 255) {
            throw new InvalidInput("Invalid input for field/attribute locked_reason. Value: " + r
                    + ". It must be a string of 1 to 255 characters");
        }
        return r.asText();
    }

    /** os-resetState's {@code state}: Nova's schema allows {@code active} and {@code error}. */
    static String resetState(JsonNode args) {
        JsonNode state = args == null ? null : args.get("state");
        if (state == null) {
            throw new InvalidInput("Invalid input for field/attribute os-resetState. Value: " + args
                    + ". 'state' is a required property");
        }
        if (args.size() > 1) {
            throw new InvalidInput("Invalid input for field/attribute os-resetState. Value: " + args
                    + ". Additional properties are not allowed");
        }
        if (!state.isTextual() || !ServerAdminActions.RESET_STATES.contains(state.asText())) {
            throw new InvalidInput("Invalid input for field/attribute state. Value: " + state + ". " + state
                    + " is not one of ['active', 'error']");
        }
        return state.asText();
    }

    /** add/removeSecurityGroup's {@code name}: a non-empty string, the only member. */
    static String groupName(String action, JsonNode args) {
        JsonNode name = args == null || !args.isObject() ? null : args.get("name");
        if (name == null) {
            throw new InvalidInput("Invalid input for field/attribute " + action + ". Value: " + args
                    + ". 'name' is a required property");
        }
        if (args.size() > 1) {
            throw new InvalidInput("Invalid input for field/attribute " + action + ". Value: " + args
                    + ". Additional properties are not allowed");
        }
        if (!name.isTextual() || name.asText().isEmpty()) {
            throw new InvalidInput("Invalid input for field/attribute name. Value: " + name + ". " + name
                    + (name.isTextual() ? " is too short" : " is not of type 'string'"));
        }
        if (name.asText().isBlank()) {
            throw new InvalidInput("Security group name cannot be empty");
        }
        return name.asText();
    }

    /** Nova removed the nova-network era actions in 2.44: from there on they are 404s. */
    private void belowFloatingIpRemoval(String action) {
        if (version.atLeast(44)) {
            throw new io.strato.kit.faults.NotFound("The resource could not be found.");
        }
    }

    /**
     * An IP address member of add/removeFloatingIp (Nova's {@code ip_address} type: a string in IPv4 or IPv6
     * format); {@code required} as in Nova's schema. Only {@code address} and {@code fixed_address} (add) may be given.
     */
    static String address(String action, JsonNode args, String member, boolean required) {
        if (args == null || !args.isObject()) {
            throw new InvalidInput("Invalid input for field/attribute " + action + ". Value: " + args + ". " + args
                    + " is not of type 'object'");
        }
        args.fieldNames().forEachRemaining(f -> {
            if (!f.equals("address") && !(f.equals("fixed_address") && action.equals("addFloatingIp"))) {
                throw new InvalidInput("Invalid input for field/attribute " + action + ". Value: " + args
                        + ". Additional properties are not allowed ('" + f + "' was unexpected)");
            }
        });
        JsonNode n = args.get(member);
        if (n == null) {
            if (required) {
                throw new InvalidInput("Invalid input for field/attribute " + action + ". Value: " + args + ". '"
                        + member + "' is a required property");
            }
            return null;
        }
        if (!n.isTextual() || !IpAddresses.valid(n.asText())) {
            throw new InvalidInput("Invalid input for field/attribute " + member + ". Value: " + n + ". " + n
                    + " is not valid under any of the given schemas");
        }
        return n.asText();
    }

    static boolean hard(JsonNode args) {
        JsonNode type = args == null ? null : args.get("type");
        if (type == null || !type.isTextual()) {
            throw new InvalidInput("Invalid input for field/attribute reboot. Value: " + args + ". 'type' is a required property");
        }
        return switch (type.asText()) {
            case "HARD", "Hard", "hard" -> true;
            case "SOFT", "Soft", "soft" -> false;
            default -> throw new InvalidInput("Invalid input for field/attribute type. Value: " + type.asText()
                    + ". '" + type.asText() + "' is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']");
        };
    }

    static String flavorRef(JsonNode args) {
        JsonNode ref = args == null ? null : args.get("flavorRef");
        if (ref == null || !(ref.isTextual() || ref.isIntegralNumber()) || ref.asText().isBlank()) {
            throw new InvalidInput("Invalid input for field/attribute resize. Value: " + args + ". 'flavorRef' is a required property");
        }
        return ref.asText();
    }

    /** Nova's length: an integer (or integer string) of at least -1; -1 and null mean the whole log. */
    static Integer length(JsonNode args) {
        JsonNode n = args == null ? null : args.get("length");
        if (n == null || n.isNull()) {
            return null;
        }
        int v;
        if (n.isIntegralNumber()) {
            v = n.asInt();
        } else if (n.isTextual() && n.asText().matches("-?\\d{1,9}")) {
            v = Integer.parseInt(n.asText());
        } else {
            throw new InvalidInput("Invalid input for field/attribute length. Value: " + n + ". " + n + " is not of type 'integer', 'string'");
        }
        if (v < -1) {
            throw new InvalidInput("Invalid input for field/attribute length. Value: " + v + ". " + v + " is less than the minimum of -1");
        }
        return v == -1 ? null : v;
    }
}
