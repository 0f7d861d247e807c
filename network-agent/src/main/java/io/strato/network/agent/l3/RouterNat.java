package io.strato.network.agent.l3;

import io.strato.network.agent.metadata.MetadataProxies;
import io.strato.network.agent.plan.RouterPlan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A router namespace's nftables table, as one {@code nft -f} script that replaces it whole (the namespace's
 * packets see the old table or the new one, never none):
 * <ul>
 *   <li>prerouting: 169.254.169.254:80 from an interface ({@code qr-*}) goes to the metadata proxy's port; each
 *       floating IP is translated to its fixed IP (one map lookup, however many there are);</li>
 *   <li>postrouting, out of the gateway ({@code qg-…}): a fixed IP with a floating IP leaves as it, the rest of
 *       the networks behind leave as the gateway's address when SNAT is on; a guest reaching another guest of the
 *       router through its floating IP ("hairpin") is translated to the router's address, so the reply comes back
 *       through the router;</li>
 *   <li>input: the metadata proxy's port answers only what came in through an interface.</li>
 * </ul>
 * Pure: the same plan gives the same text.
 */
public final class RouterNat {

    private RouterNat() {
    }

    /** The floating IPs of the plan, floating to fixed (the first mapping of an address wins). */
    public static Map<String, String> floatingIps(RouterPlan plan) {
        Map<String, String> out = new LinkedHashMap<>();
        plan.floatingIps().forEach(f -> out.putIfAbsent(f.floatingIp(), f.fixedIp()));
        return out;
    }

    public static String render(RouterPlan plan, String table) {
        Map<String, String> fips = floatingIps(plan);
        Map<String, String> reverse = new LinkedHashMap<>();
        fips.forEach((fip, fixed) -> reverse.putIfAbsent(fixed, fip));
        String gateway = plan.gateway() == null ? null : quoted(plan.gateway().device());
        StringBuilder s = new StringBuilder();
        s.append("table ip ").append(table).append('\n');
        s.append("delete table ip ").append(table).append('\n');
        s.append("table ip ").append(table).append(" {\n");
        s.append("\tchain prerouting {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n");
        s.append("\t\tiifname \"qr-*\" ip daddr ").append(MetadataProxies.ADDRESS).append(" tcp dport 80 redirect to :")
                .append(MetadataProxies.ROUTER_PORT).append('\n');
        if (!fips.isEmpty()) {
            s.append("\t\tdnat to ip daddr map { ").append(elements(fips)).append(" }\n");
        }
        s.append("\t}\n");
        s.append("\tchain output {\n\t\ttype nat hook output priority -100; policy accept;\n");
        if (!fips.isEmpty()) {
            s.append("\t\tdnat to ip daddr map { ").append(elements(fips)).append(" }\n");
        }
        s.append("\t}\n");
        s.append("\tchain postrouting {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n");
        s.append("\t\tiifname \"qr-*\" oifname \"qr-*\" ct status dnat masquerade\n");
        if (gateway != null && !reverse.isEmpty()) {
            s.append("\t\toifname ").append(gateway).append(" snat to ip saddr map { ").append(elements(reverse))
                    .append(" }\n");
        }
        if (gateway != null && plan.snatAddress() != null) {
            s.append("\t\toifname ").append(gateway).append(" snat to ").append(plan.snatAddress()).append('\n');
        }
        s.append("\t}\n");
        s.append("\tchain input {\n\t\ttype filter hook input priority filter; policy accept;\n");
        s.append("\t\ttcp dport ").append(MetadataProxies.ROUTER_PORT).append(" iifname != \"qr-*\" drop\n");
        s.append("\t}\n");
        s.append("}\n");
        return s.toString();
    }

    private static String elements(Map<String, String> map) {
        StringBuilder s = new StringBuilder();
        map.forEach((k, v) -> {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            s.append(k).append(" : ").append(v);
        });
        return s.toString();
    }

    private static String quoted(String device) {
        return '"' + device + '"';
    }
}
