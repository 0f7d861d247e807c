package io.strato.network.ports;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.kit.data.columns.JsonListColumn;

/**
 * One of a port's {@code extra_dhcp_opts} (extension {@code extra_dhcp_opt}): a dnsmasq option name or number
 * ({@code bootfile-name}, {@code 42}, optionally {@code tag:<tag>,<name>}) with its value, for the port's IPv4 or
 * IPv6 DHCP client. The network agent's dnsmasq hands it to that port only.
 */
public record ExtraDhcpOpt(@JsonProperty("opt_name") String optName, @JsonProperty("opt_value") String optValue,
                           @JsonProperty("ip_version") int ipVersion) {

    /** The {@code port.extra_dhcp_opts} jsonb column. */
    public static final class Column extends JsonListColumn<ExtraDhcpOpt> {
        public Column() {
            super(ExtraDhcpOpt.class);
        }
    }
}
