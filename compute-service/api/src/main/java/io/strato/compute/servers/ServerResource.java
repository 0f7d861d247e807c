package io.strato.compute.servers;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.api.Link;
import io.strato.kit.rest.BodyRecords;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.PageLinks;
import io.strato.kit.web.Paging;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Nova's servers: create, list (brief and detail), show, update, delete. */
@Path("/v2.1/servers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServerResource {
    private static final int MAX_LIMIT = 1000;

    private final ServerCreation creation;
    private final ServerQueries queries;
    private final ServerUpdates updates;
    private final ServerViews views;
    private final Policy policy;
    private final CurrentCaller callers;
    private final RequestContext request;
    private final ApiVersion version;

    public ServerResource(ServerCreation creation, ServerQueries queries, ServerUpdates updates, ServerViews views,
                          Policy policy, CurrentCaller callers, RequestContext request, ApiVersion version) {
        this.version = version;
        this.creation = creation;
        this.queries = queries;
        this.updates = updates;
        this.views = views;
        this.policy = policy;
        this.callers = callers;
        this.request = request;
    }

    @POST
    public Uni<Response> create(ServerCreateBody body, @HeaderParam("X-Auth-Token") String token) {
        Caller caller = callers.get();
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        CreateRequest req = CreateRequest.parse(body.json(), version.get());
        policy.enforce(ServerPolicies.CREATE, caller, ServerPolicies.target(caller.projectId(), caller.userId()));
        return creation.create(caller, token, request.requestId(), req).map(created -> {
            if (req.returnReservationId()) {
                return Response.accepted(new ServerView.Reservation(created.first().reservationId)).build();
            }
            return Response.accepted(new ServerView.CreatedOne(views.created(created.first(), created.adminPass())))
                    .location(URI.create(views.selfLink("servers", created.first().id.toString()))).build();
        });
    }

    @GET
    public Uni<ServerView.BriefMany> list(@Context UriInfo uri) {
        Caller caller = callers.get();
        return page(caller, uri, false).map(p -> new ServerView.BriefMany(
                p.page().servers().stream().map(views::brief).toList(), p.next()));
    }

    @GET
    @Path("detail")
    public Uni<ServerView.Many> detail(@Context UriInfo uri) {
        Caller caller = callers.get();
        ServerViews.Audience who = views.audience(caller);
        return page(caller, uri, true).map(p -> new ServerView.Many(
                p.page().servers().stream().map(s -> full(p.page(), s, who)).toList(), p.next()));
    }

    @GET
    @Path("{id}")
    public Uni<ServerView.One> show(@PathParam("id") String id) {
        Caller caller = callers.get();
        UUID serverId = RequestContext.serverId(id);
        ServerViews.Audience who = views.audience(caller).one();
        return queries.show(caller, serverId, who.admin()).map(p -> new ServerView.One(full(p, p.servers().get(0), who)));
    }

    @PUT
    @Path("{id}")
    /** 200 with Nova's basic view before 2.75 ({@link ServerBasicView.One}), the show view from 2.75 ({@link ServerView.One}). */
    public Uni<Object> update(@PathParam("id") String id, ServerUpdateBody body) {
        Caller caller = callers.get();
        UUID serverId = RequestContext.serverId(id);
        UpdateRequest req = UpdateRequest.parse(BodyRecords.json(body), version.get());
        ServerViews.Audience who = views.audience(caller).one();
        return updates.update(caller, serverId, req, who.admin()).map(p -> {
            Server s = p.servers().get(0);
            if (who.version().atLeast(75)) {
                return new ServerView.One(full(p, s, who));
            }
            return new ServerBasicView.One(views.basic(s, p.ports().getOrDefault(s.id, List.of()),
                    p.tags().getOrDefault(s.id, List.of()), who));
        });
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        UUID serverId = RequestContext.serverId(id);
        return updates.delete(caller, serverId, request.requestId()).map(v -> Response.noContent().build());
    }

    /** A page of servers and the link to the next one (null when this page is not full). */
    private record Listed(ServerQueries.Page page, List<Link> next) {
    }

    private Uni<Listed> page(Caller caller, UriInfo uri, boolean detail) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        if (version.atLeast(75)) { // Nova's query schema, checked before the policy
            io.strato.compute.api.QueryParams.onlyKnown(q, ServerQuery.KEYS_275);
        }
        Map<String, Object> target = ServerPolicies.target(caller.projectId(), null);
        policy.enforce(detail ? ServerPolicies.DETAIL : ServerPolicies.INDEX, caller, target);
        boolean allTenants = RequestContext.allTenants(q.get("all_tenants"));
        if (allTenants) {
            policy.enforce(detail ? ServerPolicies.DETAIL_ALL_TENANTS : ServerPolicies.INDEX_ALL_TENANTS, caller, target);
        }
        boolean allFilters = policy.allowed(ServerPolicies.ALL_FILTERS, caller, target);
        Paging paging = Paging.of(q.getFirst("limit"), q.getFirst("marker"), MAX_LIMIT, MAX_LIMIT);
        return queries.list(caller, q, paging.limit(), paging.marker(), allTenants, allFilters, detail, version.get()).map(p -> {
            List<Server> servers = p.servers();
            if (servers.isEmpty() || servers.size() != paging.limit()) {
                return new Listed(p, null);
            }
            String last = servers.get(servers.size() - 1).id.toString();
            return new Listed(p, Link.next(PageLinks.next(uri.getRequestUri(), last, views.publicUrl(), "/v2.1/")));
        });
    }

    private ServerView full(ServerQueries.Page p, Server s, ServerViews.Audience who) {
        return views.full(s, p.ports().getOrDefault(s.id, List.of()), p.volumes().getOrDefault(s.id, List.of()),
                p.tags().getOrDefault(s.id, List.of()), who, s.host == null ? null : p.nodes().get(s.host));
    }

}
