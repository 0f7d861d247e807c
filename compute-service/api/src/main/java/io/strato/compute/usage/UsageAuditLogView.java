package io.strato.compute.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Nova's instance usage audit log of one audit period (instance_usage_audit_log.py's {@code _get_audit_task_logs}),
 * as it reads when no audit task ran for the period: every compute host not run, no log lines.
 */
@Schema(name = "ComputeUsageAuditLog")
public record UsageAuditLogView(
        @JsonProperty("period_beginning") String periodBeginning,
        @JsonProperty("period_ending") String periodEnding,
        @JsonProperty("num_hosts") int numHosts,
        @JsonProperty("num_hosts_done") int numHostsDone,
        @JsonProperty("num_hosts_running") int numHostsRunning,
        @JsonProperty("num_hosts_not_run") int numHostsNotRun,
        @JsonProperty("hosts_not_run") List<String> hostsNotRun,
        @JsonProperty("total_instances") int totalInstances,
        @JsonProperty("total_errors") int totalErrors,
        @JsonProperty("overall_status") String overallStatus,
        @JsonProperty("log") Map<String, Object> log) {

    /** Python's {@code str(datetime)} of a whole second. */
    private static final DateTimeFormatter PYTHON = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The period's log when no host ran the audit task: {@code <done> of <n> hosts done} ({@code ALL} when equal). */
    static UsageAuditLogView notRun(AuditPeriod period, List<String> hosts) {
        String done = hosts.isEmpty() ? "ALL" : "0 of " + hosts.size();
        return new UsageAuditLogView(PYTHON.format(period.begin()), PYTHON.format(period.end()), hosts.size(), 0, 0,
                hosts.size(), hosts, 0, 0, done + " hosts done. 0 errors.", Map.of());
    }

    /** Nova's monthly audit period (instance_usage_audit_period = month): the last whole month ended before a time. */
    record AuditPeriod(LocalDateTime begin, LocalDateTime end) {
        static AuditPeriod before(LocalDateTime t) {
            LocalDateTime end = t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            if (!end.isBefore(t)) {
                end = end.minusMonths(1);
            }
            return new AuditPeriod(end.minusMonths(1), end);
        }
    }

    @Schema(name = "ComputeUsageAuditLogOne")
    public record One(@JsonProperty("instance_usage_audit_log") UsageAuditLogView log) {
    }

    @Schema(name = "ComputeUsageAuditLogs")
    public record Many(@JsonProperty("instance_usage_audit_logs") UsageAuditLogView logs) {
    }
}
