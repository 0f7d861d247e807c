-- Extension extra_dhcp_opt (issue 15): a port's DHCP options, [{"opt_name": "bootfile-name", "opt_value": "pxelinux.0",
-- "ip_version": 4}], unique by (opt_name, ip_version) within the port; the network agent's dnsmasq hands them to the
-- port's DHCP client. Kept with the port (as allowed_address_pairs), since they are always read and written with it.
ALTER TABLE port ADD COLUMN extra_dhcp_opts jsonb NOT NULL DEFAULT '[]';
