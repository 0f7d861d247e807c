#!/usr/bin/env python3
"""Volume create latency through the gateway, on a running Strato cloud (issue 6's benchmark).

    eval "$(deploy/local/strato env)"
    volume-service/bench/create.py [--blank 20] [--from-image 5] [--concurrency 10] [--image-mib 1024]

Credentials come from the OS_* variables of `strato env` (the admin). The script makes its own project with a
member user (tests/e2e/strato_e2e.py's Tenant), lifts its volume quotas, uploads a raw image of --image-mib MiB
of random bytes, and measures, each at concurrency 1 (one create after the previous volume is available) and at
--concurrency (that many creates in flight):
  1. blank 1 GiB volumes (--blank of them per phase);
  2. 1 GiB volumes from the image (--from-image of them at concurrency 1, --concurrency of them at concurrency C):
     volume-service fetches the image from image-service and converts it into a thin qcow2.
Each volume's latency runs from its POST /volume/v3/{project}/volumes to the first GET that shows it available
(polled every --poll seconds, 0.1), so a figure is late by up to one poll interval plus one request. The POST's
own latency is printed too. Volumes are deleted between phases; everything is removed at the end.
Standard library only; loopback URLs only.
"""
import argparse
import concurrent.futures as cf
import os
import sys
import tempfile
import time
import urllib.request

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "e2e"))
import strato_e2e as e2e  # noqa: E402


class Bench:
    def __init__(self, cloud, tenant, poll):
        self.cloud = cloud
        self.tenant = tenant
        self.poll = poll
        self.volumes = cloud.identity.rsplit("/identity", 1)[0] + f"/volume/v3/{tenant.project}/volumes"

    def create_one(self, body):
        t0 = time.perf_counter()
        _, v, _ = e2e.call("POST", self.volumes, self.tenant.token, {"volume": body})
        posted = time.perf_counter() - t0
        vid = v["volume"]["id"]
        deadline = time.time() + 600
        while True:
            _, s, _ = e2e.call("GET", f"{self.volumes}/{vid}", self.tenant.token)
            status = s["volume"]["status"]
            if status == "available":
                return vid, posted, time.perf_counter() - t0
            if status.startswith("error") or time.time() > deadline:
                raise SystemExit(f"volume {vid} ended {status}")
            time.sleep(self.poll)

    def phase(self, label, body, n, concurrency):
        with cf.ThreadPoolExecutor(max_workers=concurrency) as pool:
            results = list(pool.map(lambda _: self.create_one(body), range(n)))
        print(e2e.latency_line(f"{label}: create to available", [r[2] for r in results], width=44, digits=3))
        print(e2e.latency_line(f"{label}: POST answered", [r[1] for r in results], width=44, digits=3))
        print(f"   load average {os.getloadavg()[0]:.1f}", flush=True)
        for vid, _, _ in results:
            e2e.call("DELETE", f"{self.volumes}/{vid}", self.tenant.token)
        self.wait_empty()

    def wait_empty(self):
        deadline = time.time() + 300
        while time.time() < deadline:
            _, vs, _ = e2e.call("GET", self.volumes, self.tenant.token)
            if not vs["volumes"]:
                return
            time.sleep(0.5)
        raise SystemExit("volumes were not deleted within 300 s")


def upload_random_image(cloud, tenant, mib):
    _, i, _ = e2e.call("POST", cloud.image + "/images", tenant.token, {
        "name": f"{tenant.name}-{mib}m", "disk_format": "raw", "container_format": "bare", "visibility": "private"})
    image = i["id"]
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "disk.raw")
        with open(f, "wb") as out:
            for _ in range(mib):
                out.write(os.urandom(1 << 20))
        with open(f, "rb") as fh:
            req = urllib.request.Request(f"{cloud.image}/images/{image}/file", data=fh, method="PUT")
            req.add_header("Content-Type", "application/octet-stream")
            req.add_header("Content-Length", str(mib << 20))
            req.add_header("X-Auth-Token", tenant.token)
            with urllib.request.urlopen(req, timeout=600) as r:
                r.read()
    return image


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--blank", type=int, default=20, help="blank volumes per phase")
    ap.add_argument("--from-image", type=int, default=5, help="volumes from the image at concurrency 1")
    ap.add_argument("--concurrency", type=int, default=10)
    ap.add_argument("--image-mib", type=int, default=1024)
    ap.add_argument("--poll", type=float, default=0.1)
    a = ap.parse_args()
    cloud = e2e.Cloud()
    report = e2e.Report("volume-bench")
    tenant = e2e.Tenant(cloud, "volbench", report, cidr="10.78.0.0/24")
    images = []
    try:
        e2e.call("PUT", cloud.identity.rsplit("/identity", 1)[0] + f"/volume/v3/{cloud_project(cloud)}"
                 f"/os-quota-sets/{tenant.project}", cloud.admin,
                 {"quota_set": {"volumes": -1, "gigabytes": -1, "snapshots": -1}})
        bench = Bench(cloud, tenant, a.poll)
        print(f"blank 1 GiB volumes; load average {os.getloadavg()[0]:.1f}", flush=True)
        bench.phase("blank, concurrency 1", {"size": 1}, a.blank, 1)
        bench.phase(f"blank, concurrency {a.concurrency}", {"size": 1}, max(a.blank, a.concurrency), a.concurrency)
        image = upload_random_image(cloud, tenant, a.image_mib)
        images.append(image)
        size_gib = max(1, (a.image_mib + 1023) // 1024)
        print(f"from a {a.image_mib} MiB raw image of random bytes into {size_gib} GiB volumes", flush=True)
        body = {"size": size_gib, "imageRef": image}
        bench.phase("from image, concurrency 1", body, a.from_image, 1)
        bench.phase(f"from image, concurrency {a.concurrency}", body, a.concurrency, a.concurrency)
    finally:
        for image in images:
            try:
                e2e.call("DELETE", f"{cloud.image}/images/{image}", cloud.admin)
            except Exception as e:  # noqa: BLE001 - cleanup reports and goes on
                print(f"cleanup: image {image}: {e}")
        tenant.cleanup()


def cloud_project(cloud):
    """The admin's project id (Cinder's quota API is under the caller's project)."""
    _, body, _ = e2e.call("GET", cloud.identity + "/auth/projects", cloud.admin)
    name = os.environ.get("OS_PROJECT_NAME", "admin")
    return next(p["id"] for p in body["projects"] if p["name"] == name)


if __name__ == "__main__":
    main()
