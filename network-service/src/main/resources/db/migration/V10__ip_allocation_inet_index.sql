-- IPAM looks for the first free address of an allocation pool by walking the subnet's allocations in
-- address order: an index on the address as inet (not text, whose order puts 10.0.0.10 before 10.0.0.9)
-- keeps that a range scan, whatever the size of the subnet.
CREATE INDEX ip_allocation_subnet_inet_idx ON ip_allocation (subnet_id, (CAST(ip_address AS inet)));
