package io.strato.compute.usage;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.api.Link;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.PageLinks;
import io.strato.kit.web.Paging;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Nova's os-simple-tenant-usage from the server rows: the hours each server ran between {@code start} and
 * {@code end} (default now) and its flavor's size, summed per project. Every project's (admins; {@code detailed=1}
 * adds the servers) or one project's with its servers. From 2.40 {@code limit}/{@code marker} page the servers.
 */
@Path("/v2.1/os-simple-tenant-usage")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SimpleTenantUsageResource {
    private final TenantUsages usages;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;
    private final String publicUrl;

    public SimpleTenantUsageResource(TenantUsages usages, Policy policy, CurrentCaller callers, ApiVersion version,
                                     @ConfigProperty(name = "strato.compute.public-url", defaultValue = "http://127.0.0.1:8080/compute")
                                     String publicUrl) {
        this.usages = usages;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
        this.publicUrl = publicUrl;
    }

    /** The period, {@code detailed}, and from 2.40 the page. */
    public static class Query {
        @QueryParam("start")
        String start;
        @QueryParam("end")
        String end;
        @QueryParam("detailed")
        String detailed;
        @QueryParam("limit")
        String limit;
        @QueryParam("marker")
        String marker;
        @Context
        UriInfo uri;
    }

    @GET
    @io.strato.compute.api.QueryKeys({"start", "end", "detailed", "limit", "marker"})
    public Uni<TenantUsageView.Many> index(@BeanParam Query q) {
        policy.enforce(UsagePolicies.LIST, callers.get(), Map.of());
        if (q.uri.getPath().endsWith("/")) {
            // Nova's routes have no empty tenant id: /os-simple-tenant-usage/ is no resource
            throw new io.strato.kit.faults.NotFound("The resource could not be found.");
        }
        Period p = period(q);
        return page(q, null).map(page -> new TenantUsageView.Many(
                TenantUsageView.of(page.servers(), p.start(), p.stop(), "1".equals(q.detailed), Instant.now()), page.next()));
    }

    @GET
    @Path("{tenant_id}")
    @io.strato.compute.api.QueryKeys({"start", "end", "limit", "marker"})
    public Uni<TenantUsageView.One> show(@PathParam("tenant_id") String tenantId, @BeanParam Query q) {
        Caller caller = callers.get();
        policy.enforce(UsagePolicies.SHOW, caller, NovaBaseRules.project(tenantId));
        Period p = period(q);
        return page(q, tenantId).map(page -> {
            List<TenantUsageView> list = TenantUsageView.of(page.servers(), p.start(), p.stop(), true, Instant.now());
            return new TenantUsageView.One(list.isEmpty() ? Map.of() : list.get(0));
        });
    }

    private record Period(Instant start, Instant stop) {
    }

    private record Page(List<ServerUsage> servers, List<Link> next) {
    }

    private Uni<Page> page(Query q, String projectId) {
        Period p = period(q);
        boolean paged = version.atLeast(40);
        Paging paging = paged ? Paging.of(q.limit, q.marker, Integer.MAX_VALUE, Integer.MAX_VALUE) : new Paging(Integer.MAX_VALUE, null);
        UUID marker = paging.marker() == null ? null : markerId(paging.marker());
        Uni<Void> markerKnown = marker == null ? Uni.createFrom().voidItem() : usages.exists(marker).invoke(found -> {
            if (!found) {
                throw new InvalidInput("Marker " + paging.marker() + " could not be found.");
            }
        }).replaceWithVoid();
        int limit = paging.limit() == 0 ? Integer.MAX_VALUE : paging.limit();
        return markerKnown.chain(() -> usages.during(p.start(), p.stop(), projectId, marker, limit)).map(servers -> {
            List<Link> next = paged && q.limit != null && !servers.isEmpty() && servers.size() == limit
                    ? Link.next(PageLinks.next(q.uri.getRequestUri(), servers.get(servers.size() - 1).id(), publicUrl, "/v2.1/"))
                    : null;
            return new Page(servers, projectId == null ? next : null);
        });
    }

    /** Nova's period: {@code start} and {@code end} (default now), start strictly before end (else 400). */
    private static Period period(Query q) {
        Instant now = Instant.now();
        Instant start = time(q.start, now);
        Instant stop = time(q.end, now);
        if (!start.isBefore(stop)) {
            throw new InvalidInput("Invalid start time. The start time cannot occur after the end time.");
        }
        return new Period(start, stop);
    }

    /** {@code %Y-%m-%dT%H:%M:%S[.%f]} or {@code %Y-%m-%d %H:%M:%S.%f}, UTC; absent: now. */
    private static Instant time(String value, Instant now) {
        if (value == null || value.isEmpty()) {
            return now;
        }
        try {
            return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("Datetime is in invalid format");
        }
    }

    private static UUID markerId(String marker) {
        try {
            return UUID.fromString(marker);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("Marker " + marker + " could not be found.");
        }
    }
}
