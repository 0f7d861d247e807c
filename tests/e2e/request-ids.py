#!/usr/bin/env python3
"""One request id from the gateway to the service (issue 12): OpenStack's rule, applied by both.

For a request through the gateway to each service, with a client id of the form req-<uuid>, with a client
id of another form (trace-1) and with none: the id returned is req-<uuid> (the client's own in the first
case, a new one otherwise), and the gateway's log and the service's log both carry that same id.
"""
import os
import re
import sys
import time
import uuid

from strato_e2e import STATE, Cloud, Report, call

REQ_UUID = re.compile(r"^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def log_has(name, text, seconds=10):
    """Whether $STATE/<name>.log has a line with text, within seconds (log lines are written after the answer)."""
    path = os.path.join(STATE, name + ".log")
    deadline = time.monotonic() + seconds
    while True:
        try:
            with open(path, errors="replace") as f:
                if any(text in line for line in f):
                    return True
        except FileNotFoundError:
            pass
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)


def main():
    cloud = Cloud()
    report = Report("request-ids")
    targets = [
        ("identity-service", cloud.identity + "/projects"),
        ("network-service", cloud.network + "/networks"),
        ("compute-service", cloud.compute + "/flavors"),
        ("image-service", cloud.image + "/images"),
    ]
    for service, url in targets:
        for given in (f"req-{uuid.uuid4()}", "trace-1", None):
            headers = {"X-OpenStack-Request-ID": given} if given else {}
            _, _, h = call("GET", url, token=cloud.admin, headers=headers)
            rid = h.get("x-openstack-request-id", "")
            what = f"{service}, client id {given or 'none'}"
            if not report.check(REQ_UUID.match(rid) is not None, f"{what}: the answer's id is req-<uuid>", rid):
                continue
            if given and given.startswith("req-"):
                report.check(rid == given, f"{what}: the client's req-<uuid> is kept", rid)
            else:
                report.check(rid != given, f"{what}: a new id replaces it", rid)
            report.check(log_has("gateway", rid), f"{what}: the gateway logged {rid}")
            report.check(log_has(service, rid), f"{what}: {service} logged the same id")
    return report.exit()


if __name__ == "__main__":
    sys.exit(main())
