package io.strato.compute.usage;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.hosts.HostCatalog;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nova's os-instance_usage_audit_log (admins): the log of the last monthly audit period ended now or before a time.
 * Strato runs no instance usage audit task, so every period reads as Nova's does when no task ran for it.
 */
@Path("/v2.1/os-instance_usage_audit_log")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UsageAuditLogResource {
    /** What Python's strptime takes for {@code %Y-%m-%d %H:%M:%S[.%f]}. */
    private static final Pattern TIMESTAMP =
            Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2}) (\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,6}))?");

    private final HostCatalog hosts;
    private final Policy policy;
    private final CurrentCaller callers;

    public UsageAuditLogResource(HostCatalog hosts, Policy policy, CurrentCaller callers) {
        this.hosts = hosts;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    public Uni<UsageAuditLogView.Many> index() {
        policy.enforce(UsagePolicies.AUDIT_LOG_LIST, callers.get(), Map.of());
        return log(LocalDateTime.now(ZoneOffset.UTC)).map(UsageAuditLogView.Many::new);
    }

    /** {@code before}: {@code YYYY-MM-DD HH:MM:SS[.ffffff]}, else 400 {@code Invalid timestamp for date <id>}. */
    @GET
    @Path("{before}")
    public Uni<UsageAuditLogView.One> show(@PathParam("before") String before) {
        policy.enforce(UsagePolicies.AUDIT_LOG_SHOW, callers.get(), Map.of());
        return log(parse(before)).map(UsageAuditLogView.One::new);
    }

    private Uni<UsageAuditLogView> log(LocalDateTime before) {
        UsageAuditLogView.AuditPeriod period = UsageAuditLogView.AuditPeriod.before(before);
        return hosts.names().map(names -> UsageAuditLogView.notRun(period, names));
    }

    static LocalDateTime parse(String value) {
        Matcher m = TIMESTAMP.matcher(value);
        boolean fraction = value.contains(".");
        if (m.matches() && fraction == (m.group(7) != null)) {
            try {
                String f = m.group(7) == null ? "0" : (m.group(7) + "00000").substring(0, 6);
                return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                        Integer.parseInt(f) * 1000);
            } catch (DateTimeException e) {
                // falls through to Nova's 400
            }
        }
        throw new InvalidInput("Invalid timestamp for date " + value);
    }
}
