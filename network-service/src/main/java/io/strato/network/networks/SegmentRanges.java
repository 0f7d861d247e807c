package io.strato.network.networks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The segmentation ids tenant networks get, as configured: VXLAN VNIs {@code min:max[,min:max]} and
 * VLAN ids per physical network {@code physnet:min:max[,physnet]} (a physical network without a range
 * is known, for flat and provider VLAN networks, but hands out nothing).
 */
public record SegmentRanges(List<Range> vnis, Map<String, List<Range>> vlans) {
    public static final int MAX_VNI = (1 << 24) - 1;
    public static final int MAX_VLAN = 4094;

    public record Range(int min, int max) {
    }

    public static SegmentRanges parse(String vniRanges, String vlanRanges) {
        List<Range> vnis = new ArrayList<>();
        for (String part : items(vniRanges)) {
            String[] mm = part.split(":");
            if (mm.length != 2) {
                throw new IllegalArgumentException("strato.network.vni-ranges: '" + part + "' is not min:max");
            }
            vnis.add(range(part, mm[0], mm[1], MAX_VNI));
        }
        Map<String, List<Range>> vlans = new LinkedHashMap<>();
        for (String part : items(vlanRanges)) {
            String[] p = part.split(":");
            if (p.length == 1) {
                vlans.computeIfAbsent(p[0].trim(), k -> new ArrayList<>());
            } else if (p.length == 3) {
                vlans.computeIfAbsent(p[0].trim(), k -> new ArrayList<>()).add(range(part, p[1], p[2], MAX_VLAN));
            } else {
                throw new IllegalArgumentException("strato.network.vlan-ranges: '" + part + "' is not physnet[:min:max]");
            }
        }
        return new SegmentRanges(vnis, vlans);
    }

    private static List<String> items(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String s : text.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private static Range range(String part, String min, String max, int limit) {
        int lo;
        int hi;
        try {
            lo = Integer.parseInt(min.trim());
            hi = Integer.parseInt(max.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("segment range '" + part + "' is not numeric");
        }
        if (lo < 1 || hi > limit || lo > hi) {
            throw new IllegalArgumentException("segment range '" + part + "' must lie within 1.." + limit);
        }
        return new Range(lo, hi);
    }
}
