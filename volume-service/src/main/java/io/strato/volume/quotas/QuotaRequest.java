package io.strato.volume.quotas;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code PUT /os-quota-sets/{project}}: {@code {"quota_set": {"volumes": 10, "gigabytes_<type>": -1, ...}}}, bound
 * (typed, so /q/openapi describes it) and validated as Cinder's quota update: each limit an integer (or a string of
 * one) from -1 (unlimited) to 2147483647 (Cinder's {@code db.MAX_INT}, the largest its quota columns hold).
 */
public record QuotaRequest(@JsonProperty("quota_set") Map<String, JsonNode> quotaSet) {
    /** {@code PUT /os-quota-class-sets/{name}}: {@code {"quota_class_set": {...}}}, the same limits. */
    public record ClassBody(@JsonProperty("quota_class_set") Map<String, JsonNode> quotaClassSet) {
    }

    /** The largest limit: Cinder refuses more ("must be <= 2147483647") rather than store a truncated value. */
    static final long MAX_LIMIT = Integer.MAX_VALUE;

    /** The limits to set, by key; {@code tenant_id} and {@code id} (sent back by some clients) are ignored. */
    static Map<String, Long> changes(Map<String, JsonNode> quotaSet) {
        Map<String, Long> changes = new LinkedHashMap<>();
        quotaSet.forEach((key, value) -> {
            if (key.equals("tenant_id") || key.equals("id") || key.equals("class_name")) {
                return;
            }
            if (!VolumeQuota.RESOURCES.contains(key) && !key.matches("(volumes|gigabytes|snapshots)_.+")) {
                throw new InvalidInput("Bad key(s) in quota set: " + key);
            }
            changes.put(key, limit(key, value));
        });
        return changes;
    }

    /** A limit: -1 (unlimited) up to {@link #MAX_LIMIT}. */
    static long limit(String key, JsonNode n) {
        BigInteger value;
        if (n.isIntegralNumber()) {
            value = n.bigIntegerValue();
        } else if (n.isTextual() && n.asText().trim().matches("-?[0-9]{1,30}")) {
            value = new BigInteger(n.asText().trim());
        } else {
            throw new InvalidInput("Invalid input received: Quota limit " + key + " must be an integer.");
        }
        if (value.compareTo(BigInteger.valueOf(-1)) < 0) {
            throw new InvalidInput("Invalid input received: Quota limit " + key + " must be -1 or greater.");
        }
        if (value.compareTo(BigInteger.valueOf(MAX_LIMIT)) > 0) {
            throw new InvalidInput("Invalid input received: Quota limit " + key + " must be <= " + MAX_LIMIT
                    + " (-1 is unlimited).");
        }
        return value.longValue();
    }
}
