#!/usr/bin/python3
"""Helpers of run.sh: tempest.conf from the running cloud, the sweep after the run, the counts.

    strato_tempest.py prepare STATE_DIR CONF_OUT   discover the cloud, make the flavors, write tempest.conf
    strato_tempest.py validation STATE_DIR CONF_IN CONF_OUT   tempest.conf with validation on (SSH into guests)
    strato_tempest.py validation-skips RESULTS_TSV  the ids of the tests skipped because validation was off
    strato_tempest.py cleanup STATE_DIR            delete what prepare made and what Tempest left behind
    strato_tempest.py report STATE_DIR [LIST]      read a subunit stream on stdin, count, write results

Credentials come from the environment as the openstack CLI reads them (OS_* variables, or OS_CLOUD with a
clouds.yaml). STATE_DIR/state.json remembers what prepare made and what existed before the run, so cleanup
deletes only that: others use the same cloud while Tempest runs.
"""
import configparser
import json
import os
import re
import sys
import time

TEMPEST_PREFIX = "tempest-"  # the names Tempest's dynamic credentials give projects and users

# Flavors Tempest boots with (DevStack's m1.nano and m1.micro): made when absent, deleted after the run.
FLAVORS = [
    {"name": "m1.nano", "id": "42", "ram": 128, "vcpus": 1, "disk": 1},
    {"name": "m1.micro", "id": "84", "ram": 192, "vcpus": 1, "disk": 1},
]

# What Strato serves, where Tempest has a switch for it and the API cannot be asked (checked against
# docs/compute-api.md, volume-api.md, image-api.md, identity-api.md). A test behind a switch that is off
# is skipped; everything else runs, so a missing API shows as a failure. Override any of these with
# run.sh --conf-extra FILE (an ini file merged over the generated one).
FEATURES = {
    "compute-feature-enabled": {
        "resize": "true",             # same host only (cold migration is not served)
        "cold_migration": "false",
        "live_migration": "false",
        "pause": "true",
        "suspend": "true",
        "shelve": "false",
        "rescue": "false",
        "snapshot": "true",           # createImage and createBackup (ae07c0a, cd174ce)
        "change_password": "false",
        "interface_attach": "false",
        "console_output": "true",
        "vnc_console": "false",
        "spice_console": "false",
        "serial_console": "false",
        "metadata_service": "true",
        "config_drive": "true",
        "personality": "false",
        "disk_config": "false",       # OS-DCF:diskConfig is shown, but rebuild and resize do not take it
        "enable_instance_password": "true",
        "attach_encrypted_volume": "false",
        "volume_multiattach": "false",
        "swap_volume": "false",
        # Tempest 33 runs its server metadata tests (/servers/{id}/metadata, which Strato serves, and the guideline
        # requires) only with this switch; it also turns on os-agents and resetNetwork tests, which Nova removed
        # in Victoria (410) and Strato does not serve: those fail, as they would against any Nova since then
        "xenapi_apis": "true",
    },
    "volume-feature-enabled": {
        "backup": "false",
        "snapshot": "true",
        "clone": "true",
        "manage_snapshot": "false",
        "manage_volume": "false",
        "extend_attached_volume": "false",
        "multi_backend": "false",
    },
    "image-feature-enabled": {
        "api_v2": "true",
        "api_v1": "false",
        "manage_locations": "false",
    },
    "identity-feature-enabled": {
        "api_v2": "false",
        "api_v2_admin": "false",
        "api_v3": "true",
        "trust": "false",
        "security_compliance": "false",
        "project_tags": "true",
        "application_credentials": "true",
        "access_rules": "false",
        "domain_specific_drivers": "false",
    },
    "network-feature-enabled": {
        "ipv6": "true",
        "ipv6_subnet_attributes": "true",
        "port_admin_state_change": "true",
        "floating_ips": "true",
    },
}


def log(msg):
    print(f"strato_tempest: {msg}", file=sys.stderr, flush=True)


def connect():
    import openstack
    return openstack.connect()


def get_json(conn, url, **kw):
    """GET an absolute URL with the admin's token; None unless it answers 2xx/300 with JSON."""
    r = conn.session.get(url, raise_exc=False, **kw)
    if r.status_code >= 400 or r.status_code in (301, 302, 303, 307, 308):
        return None
    try:
        return r.json()
    except ValueError:
        return None


def endpoint(conn, service_type):
    try:
        return conn.session.get_endpoint(service_type=service_type, interface="public",
                                         region_name=conn.config.region_name)
    except Exception:
        return None


def microversions(conn, url):
    """(min, max) from a service's version document (Nova's and Cinder's shape), or (None, None)."""
    doc = get_json(conn, url)
    if not doc:
        return None, None
    versions = doc.get("versions") or ([doc["version"]] if "version" in doc else [])
    for v in versions:
        if v.get("status") == "CURRENT" and v.get("version"):
            return v.get("min_version") or None, v.get("version")
    return None, None


def root_of(url, version_re):
    """The service root of a versioned endpoint: .../volume/v3/<project> -> .../volume/."""
    m = re.search(version_re, url)
    return url[:m.start()] + "/" if m else url.rstrip("/") + "/"


def find_image(conn, name):
    images = [i for i in conn.image.images(name=name) if i.status == "active"]
    if not images:
        sys.exit(f"strato_tempest: no active image named {name!r} (set --image)")
    return images[0].id


def copy_image(conn, state, src, name, state_dir, meta=None):
    """A public copy of image src named name (its bytes, formats, minimums and meta), recorded in state for the
    cleanup; the id."""
    path = os.path.join(state_dir, "image-copy")
    with open(path, "wb") as f:
        conn.image.download_image(src, output=f)
    extra = {"meta": meta} if meta else {}
    made = conn.create_image(name, filename=path, disk_format=src.disk_format,
                             container_format=src.container_format, min_disk=src.min_disk or 0,
                             min_ram=src.min_ram or 0, visibility="public", wait=True, **extra)
    os.remove(path)
    log(f"made image {name} ({made.id})" + (f", {meta}" if meta else ""))
    state["made"]["images"].append(made.id)
    return made.id


def ensure_alt_image(conn, state, image_id, state_dir):
    """A second image with the same bytes, so that Tempest's filter-by-image tests have two to tell apart."""
    src = conn.image.get_image(image_id)
    name = f"{src.name}-tempest-alt"
    existing = [i for i in conn.image.images(name=name) if i.status == "active"]
    if existing:
        return existing[0].id
    return copy_image(conn, state, src, name, state_dir)


def ensure_flavors(conn, state):
    ids = []
    for f in FLAVORS:
        existing = conn.compute.find_flavor(f["name"], ignore_missing=True)
        if existing:
            ids.append(existing.id)
            continue
        made = conn.compute.create_flavor(name=f["name"], id=f["id"], ram=f["ram"],
                                          vcpus=f["vcpus"], disk=f["disk"], is_public=True)
        log(f"made flavor {f['name']} ({made.id})")
        state["made"]["flavors"].append(made.id)
        ids.append(made.id)
    return ids


def volume_backend_facts(conn, volume_url):
    """storage_protocol and vendor_name of the first pool, as Tempest's capability tests compare them."""
    doc = get_json(conn, volume_url.rstrip("/") + "/scheduler-stats/get_pools?detail=true")
    for pool in (doc or {}).get("pools", []):
        caps = pool.get("capabilities", {})
        return caps.get("storage_protocol"), caps.get("vendor_name")
    return None, None


def prepare(state_dir, conf_out):
    conn = connect()
    cfg = conn.config
    auth = cfg.auth
    state = {"made": {"flavors": [], "images": []},
             "before": {"projects": [p.id for p in conn.identity.projects()],
                        "users": [u.id for u in conn.identity.users()]},
             "started": time.time()}
    c = configparser.ConfigParser(interpolation=None)
    c.optionxform = str

    auth_url = auth["auth_url"].rstrip("/")
    if not re.search(r"/v3$", auth_url):
        auth_url += "/v3"
    region = cfg.region_name or "RegionOne"
    c["auth"] = {
        "use_dynamic_credentials": "true",
        "create_isolated_networks": "true",
        "admin_username": auth["username"],
        "admin_password": auth["password"],
        "admin_project_name": auth.get("project_name", "admin"),
        "admin_domain_name": auth.get("user_domain_name", "Default"),
        "admin_user_domain_name": auth.get("user_domain_name", "Default"),
        "admin_project_domain_name": auth.get("project_domain_name", "Default"),
        "tempest_roles": "member",
    }
    c["identity"] = {"uri_v3": auth_url, "auth_version": "v3", "region": region,
                     "v3_endpoint_type": "public", "admin_role": "admin",
                     "default_domain_id": "default"}

    services = {"nova": "compute", "neutron": "network", "glance": "image",
                "cinder": "volumev3", "swift": "object-store"}
    urls = {svc: endpoint(conn, t) for svc, t in services.items()}
    if not urls["cinder"]:
        urls["cinder"] = endpoint(conn, "block-storage")
    c["service_available"] = {svc: str(bool(u)).lower() for svc, u in urls.items()}
    c["service_available"]["horizon"] = "false"
    log("services: " + ", ".join(f"{s}={'yes' if u else 'no'}" for s, u in urls.items()))

    for section, values in FEATURES.items():
        c[section] = dict(values)

    image = os.environ.get("TEMPEST_IMAGE", "strato-tiny")
    image_ref = find_image(conn, image)
    if os.environ.get("TEMPEST_IMAGE_ALT"):
        image_ref_alt = find_image(conn, os.environ["TEMPEST_IMAGE_ALT"])
    else:
        image_ref_alt = ensure_alt_image(conn, state, image_ref, state_dir)
    flavor, flavor_alt = ensure_flavors(conn, state)
    c["compute"] = {"image_ref": image_ref, "image_ref_alt": image_ref_alt,
                    "flavor_ref": flavor, "flavor_ref_alt": flavor_alt, "region": region,
                    "endpoint_type": "publicURL", "min_compute_nodes": "1"}
    if urls["nova"]:
        lo, hi = microversions(conn, urls["nova"])
        if hi:
            c["compute"]["min_microversion"] = lo
            c["compute"]["max_microversion"] = hi
        log(f"compute microversions: {lo}..{hi}")

    c["image"] = {"region": region, "endpoint_type": "publicURL"}
    if urls["glance"]:
        base = urls["glance"].rstrip("/")
        base = base if base.endswith("/v2") else base + "/v2"
        c["image-feature-enabled"]["import_image"] = str(
            get_json(conn, base + "/info/import") is not None).lower()

    c["network"] = {"region": region, "endpoint_type": "publicURL",
                    "project_network_cidr": "10.100.0.0/16", "project_network_mask_bits": "28"}
    if urls["neutron"]:
        exts = sorted(e.alias for e in conn.network.extensions())
        c["network-feature-enabled"]["api_extensions"] = ",".join(exts)
        c["network-feature-enabled"]["port_security"] = str("port-security" in exts).lower()
        external = [n for n in conn.network.networks(is_router_external=True)]
        if external:
            c["network"]["public_network_id"] = external[0].id
            c["network"]["floating_network_name"] = external[0].name
            log(f"public network: {external[0].name} ({external[0].id})")
        else:
            log("no external network: tests needing [network] public_network_id skip")

    c["volume"] = {"region": region, "endpoint_type": "publicURL", "catalog_type": "volumev3",
                   "volume_size": "1"}
    if urls["cinder"]:
        lo, hi = microversions(conn, root_of(urls["cinder"], r"/v3(/|$)"))
        if hi:
            c["volume"]["min_microversion"] = lo
            c["volume"]["max_microversion"] = hi
        log(f"volume microversions: {lo}..{hi}")
        doc = get_json(conn, urls["cinder"].rstrip("/") + "/extensions")
        # No list (Strato answers 404 today): an empty list, so nothing is claimed for the cloud.
        c["volume-feature-enabled"]["api_extensions"] = ",".join(
            e["alias"] for e in (doc or {}).get("extensions", []))
        protocol, vendor = volume_backend_facts(conn, urls["cinder"])
        if protocol:
            c["volume"]["storage_protocol"] = protocol
        if vendor:
            c["volume"]["vendor_name"] = vendor

    c["validation"] = {"run_validation": "false"}
    c["object-storage"] = {}

    extra = os.environ.get("TEMPEST_CONF_EXTRA")
    if extra:
        c.read(extra)
        log(f"merged {extra}")

    with open(conf_out, "w") as f:
        c.write(f)
    with open(os.path.join(state_dir, "state.json"), "w") as f:
        json.dump(state, f, indent=1)
    log(f"wrote {conf_out}")


# ---- validation (SSH into guests) ------------------------------------------------------------------

# Tempest's reasons for skipping a test because [validation] run_validation is false
VALIDATION_SKIP = re.compile(r"(?i)validation (tests are disabled|must be enabled|should be enabled)")
# Hypervisor types that run a real guest (the simulated hosts are libvirt's test driver, type TEST)
REAL_HYPERVISORS = ("qemu", "kvm")


def real_hypervisors(conn):
    """The enabled, up hypervisors of a type that runs real guests."""
    doc = get_json(conn, endpoint(conn, "compute").rstrip("/") + "/os-hypervisors/detail") or {}
    return [h for h in doc.get("hypervisors", [])
            if str(h.get("hypervisor_type", "")).lower() in REAL_HYPERVISORS
            and h.get("state") == "up" and h.get("status") == "enabled"]


def ensure_pinned_image(conn, state, image_id, state_dir, hv_type):
    """A copy of an image with hypervisor_type set, so that Nova's ImagePropertiesFilter (Strato's scheduler has
    it) places its servers on hosts of that type only: the servers Tempest logs into must run a real guest."""
    src = conn.image.get_image(image_id)
    name = f"{src.name}-{hv_type}"
    for i in conn.image.images(name=name):
        if i.status == "active" and (i.properties or {}).get("hypervisor_type") == hv_type:
            return i.id, src
    return copy_image(conn, state, src, name, state_dir, meta=dict(guest_properties(src), hypervisor_type=hv_type)), src


def guest_properties(image):
    """The image's os_admin_user, os_type and hw_* properties: openstacksdk keeps the ones it knows as attributes,
    the rest in properties."""
    raw = dict(image.properties or {})
    raw.update({k: v for k, v in image.to_dict().items() if v is not None and not isinstance(v, (dict, list))})
    return {k: v for k, v in raw.items() if k.startswith(("os_admin_user", "os_type", "hw_"))}


def validation(state_dir, conf_in, conf_out):
    """tempest.conf with [validation] on: Tempest logs into its servers by SSH through a floating IP. Exit 3 when
    the cloud cannot run such a test (no real hypervisor up, or no external network)."""
    c = configparser.ConfigParser(interpolation=None)
    c.optionxform = str
    c.read(conf_in)
    if not c.has_option("network", "public_network_id"):
        log("validation: no external network (floating IPs): the validation tests stay skipped")
        return 3
    conn = connect()
    hosts = real_hypervisors(conn)
    if not hosts:
        log("validation: no QEMU/KVM hypervisor is up (the simulated hosts run no guest): "
            "the validation tests stay skipped")
        return 3
    hv_type = str(hosts[0]["hypervisor_type"]).lower()
    with open(os.path.join(state_dir, "state.json")) as f:
        state = json.load(f)
    image_ref, src = ensure_pinned_image(conn, state, c["compute"]["image_ref"], state_dir, hv_type)
    image_ref_alt, _ = ensure_pinned_image(conn, state, c["compute"]["image_ref_alt"], state_dir, hv_type)
    with open(os.path.join(state_dir, "state.json"), "w") as f:
        json.dump(state, f, indent=1)
    c["compute"]["image_ref"] = image_ref
    c["compute"]["image_ref_alt"] = image_ref_alt
    user = guest_properties(src).get("os_admin_user") or os.environ.get("TEMPEST_SSH_USER", "strato")
    c["validation"] = {
        "run_validation": "true",
        "connect_method": "floating",
        "auth_method": "keypair",
        "ip_version_for_ssh": "4",
        "image_ssh_user": user,
        "image_alt_ssh_user": user,
        "security_group": "true",
        "security_group_rules": "true",
        # QEMU without KVM boots strato-tiny in ~20 s alone, several times that beside Tempest's other work
        "ssh_timeout": "300",
        "ping_timeout": "180",
        "connect_timeout": "60",
    }
    extra = os.environ.get("TEMPEST_CONF_EXTRA")
    if extra:
        c.read(extra)
    with open(conf_out, "w") as f:
        c.write(f)
    log(f"validation: on, servers pinned to {hv_type} hosts ({', '.join(h['hypervisor_hostname'] for h in hosts)}) "
        f"by image {image_ref}; SSH as {user}; wrote {conf_out}")
    return 0


def validation_skips(results_tsv):
    """Print the ids that results.tsv shows skipped because validation was off, and the classes that
    skipped-classes.tsv beside it shows skipped for that reason (as "<class>.": every test of the class)."""
    printed = set()
    with open(results_tsv) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4 and parts[1] == "skipped" and VALIDATION_SKIP.search(parts[3]):
                printed.add(parts[0].rsplit(".", 1)[0])
                print(parts[0])
    classes = os.path.join(os.path.dirname(results_tsv), "skipped-classes.tsv")
    if os.path.exists(classes):
        with open(classes) as f:
            for line in f:
                cls, _, reason = line.rstrip("\n").partition("\t")
                if VALIDATION_SKIP.search(reason) and cls not in printed:
                    print(cls + ".")
    return 0


def quietly(what, fn, *args, **kw):
    try:
        fn(*args, **kw)
    except Exception as e:  # the sweep goes on; what it could not delete is printed
        log(f"could not delete {what}: {str(e).splitlines()[0][:200]}")


def sweep_project(conn, pid):
    """Delete what a leftover Tempest project still holds, then the project."""
    net = conn.network
    for s in conn.compute.servers(all_projects=True, project_id=pid):
        quietly(f"server {s.id}", conn.compute.delete_server, s)
    for s in conn.compute.servers(all_projects=True, project_id=pid):
        quietly(f"server {s.id}", conn.compute.wait_for_delete, s, wait=120)
    for snap in conn.block_storage.snapshots(all_projects=True, project_id=pid):
        quietly(f"snapshot {snap.id}", conn.block_storage.delete_snapshot, snap)
    for v in conn.block_storage.volumes(all_projects=True, project_id=pid):
        quietly(f"volume {v.id}", conn.block_storage.delete_volume, v)
    for img in conn.image.images(owner=pid):
        quietly(f"image {img.id}", conn.image.delete_image, img)
    for fip in net.ips(project_id=pid):
        quietly(f"floating ip {fip.id}", net.delete_ip, fip)
    for r in net.routers(project_id=pid):
        for p in net.ports(device_id=r.id):
            if p.device_owner == "network:router_interface":
                quietly(f"router interface {p.id}", net.remove_interface_from_router, r, port_id=p.id)
        if r.external_gateway_info:
            quietly(f"router gateway {r.id}", net.update_router, r, external_gateway_info={})
        quietly(f"router {r.id}", net.delete_router, r)
    for p in net.ports(project_id=pid):
        quietly(f"port {p.id}", net.delete_port, p)
    for sn in net.subnets(project_id=pid):
        quietly(f"subnet {sn.id}", net.delete_subnet, sn)
    for n in net.networks(project_id=pid):
        quietly(f"network {n.id}", net.delete_network, n)
    for sg in net.security_groups(project_id=pid):
        quietly(f"security group {sg.id}", net.delete_security_group, sg)
    quietly(f"project {pid}", conn.identity.delete_project, pid)


def cleanup(state_dir):
    with open(os.path.join(state_dir, "state.json")) as f:
        state = json.load(f)
    conn = connect()
    before_p, before_u = set(state["before"]["projects"]), set(state["before"]["users"])
    left = [p for p in conn.identity.projects()
            if p.id not in before_p and p.name.startswith(TEMPEST_PREFIX)]
    for p in left:
        log(f"sweeping leftover project {p.name}")
        sweep_project(conn, p.id)
    for u in conn.identity.users():
        if u.id not in before_u and u.name.startswith(TEMPEST_PREFIX):
            log(f"deleting leftover user {u.name}")
            quietly(f"user {u.id}", conn.identity.delete_user, u)
    for iid in state["made"].get("images", []):
        log(f"deleting image {iid}")
        quietly(f"image {iid}", conn.image.delete_image, iid)
    for fid in state["made"]["flavors"]:
        log(f"deleting flavor {fid}")
        quietly(f"flavor {fid}", conn.compute.delete_flavor, fid)


# ---- report ---------------------------------------------------------------------------------------

CLASS_FIXTURE = re.compile(r"^(setUpClass|tearDownClass) \((.+)\)$")


def service_of(test_id):
    parts = test_id.split(".")
    return parts[2] if len(parts) > 2 and parts[0] == "tempest" else "other"


def text_of(details, *names):
    for n in names:
        if n in details:
            try:
                return details[n].as_text()
            except Exception:
                pass
    return ""


def report(state_dir, list_file=None):
    import subunit
    import testtools
    results = {}  # test id (no [attrs]) -> (status, detail text)

    def on_test(t):
        if t["status"] in ("exists", "inprogress", None):
            return
        tid = re.sub(r"\[.*\]$", "", t["id"])
        detail = text_of(t["details"], "traceback", "reason")
        results[tid] = (t["status"], detail)

    stream = subunit.ByteStreamToStreamResult(sys.stdin.buffer, non_subunit_name="stdout")
    sink = testtools.StreamToDict(on_test)
    sink.startTestRun()
    stream.run(sink)
    sink.stopTestRun()

    fixtures = {}  # class path -> (status, detail) of a failed or skipped setUpClass
    for tid, (status, detail) in results.items():
        m = CLASS_FIXTURE.match(tid)
        if m and m.group(1) == "setUpClass":
            fixtures[m.group(2)] = (status, detail)

    if list_file:
        with open(list_file) as f:
            wanted = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    else:
        wanted = [t for t in results if not CLASS_FIXTURE.match(t)]

    status_of = {"success": "passed", "xfail": "passed", "fail": "failed", "uxsuccess": "failed",
                 "skip": "skipped"}
    rows = []
    for tid in wanted:
        if tid in results:
            st, detail = results[tid]
            cls = tid.rsplit(".", 1)[0]
            if st == "skip" and fixtures.get(cls, ("",))[0] == "fail":
                # merged passes: skipped in the first, its class failed to set up in the second
                st, detail = fixtures[cls][0], "(setUpClass) " + fixtures[cls][1]
        else:
            cls = tid.rsplit(".", 1)[0]
            st, detail = fixtures.get(cls, ("notrun", "not run: no such test in this Tempest, or the "
                                                      "run stopped before it"))
            if st in ("success", "xfail"):
                st = "notrun"
            detail = ("(setUpClass) " + detail) if cls in fixtures else detail
        rows.append((tid, status_of.get(st, "skipped" if st == "notrun" else "failed"), st, detail))
    # a tearDownClass failure does not change the tests' results, but it is printed
    for tid, (status, detail) in results.items():
        if tid.startswith("tearDownClass") and status == "fail":
            log(f"{tid} failed (cleanup of the class); see failures.txt")
            rows.append((tid, "teardown-failed", status, detail))

    counts = {}
    for tid, outcome, _, _ in rows:
        if outcome == "teardown-failed":
            continue
        svc = counts.setdefault(service_of(tid), {"passed": 0, "failed": 0, "skipped": 0})
        svc[outcome] += 1
    with open(os.path.join(state_dir, "results.tsv"), "w") as f:
        for tid, outcome, raw, detail in rows:
            first = (detail.strip().splitlines() or [""])[-1][:300].replace("\t", " ")
            f.write(f"{tid}\t{outcome}\t{raw}\t{first}\n")
    with open(os.path.join(state_dir, "skipped-classes.tsv"), "w") as f:
        for cls, (status, detail) in sorted(fixtures.items()):
            if status == "skip":
                first = (detail.strip().splitlines() or [""])[-1][:300].replace("\t", " ")
                f.write(f"{cls}\t{first}\n")
    with open(os.path.join(state_dir, "failures.txt"), "w") as f:
        for tid, outcome, _, detail in rows:
            if outcome in ("failed", "teardown-failed"):
                f.write(f"==== {tid}\n{detail.strip()}\n\n")

    total = {"passed": 0, "failed": 0, "skipped": 0}
    print(f"{'service':<16}{'passed':>8}{'failed':>8}{'skipped':>9}")
    for svc in sorted(counts):
        c = counts[svc]
        print(f"{svc:<16}{c['passed']:>8}{c['failed']:>8}{c['skipped']:>9}")
        for k in total:
            total[k] += c[k]
    notrun = sum(1 for r in rows if r[2] == "notrun")
    if notrun:
        print(f"({notrun} of the skipped did not run at all: see results.tsv, status notrun)")
    print(f"{total['passed']} passed, {total['failed']} failed, {total['skipped']} skipped")
    return 1 if total["failed"] else 0


def main(argv):
    if len(argv) >= 4 and argv[1] == "prepare":
        prepare(argv[2], argv[3])
        return 0
    if len(argv) == 5 and argv[1] == "validation":
        return validation(argv[2], argv[3], argv[4])
    if len(argv) == 3 and argv[1] == "validation-skips":
        return validation_skips(argv[2])
    if len(argv) == 3 and argv[1] == "cleanup":
        cleanup(argv[2])
        return 0
    if len(argv) in (3, 4) and argv[1] == "report":
        return report(argv[2], argv[3] if len(argv) == 4 else None)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
