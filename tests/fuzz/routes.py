"""The routes of each service and the shape of their bodies, read from the service's own OpenAPI document."""
import json
import re
import urllib.request

SERVICES = {  # name: (management port serving /q/openapi on 127.0.0.1, gateway prefix); docs/reliability.md
    "identity": (9101, "/identity"),
    "image": (9105, "/image"),
    "network": (9103, "/networking"),
    "compute": (9102, "/compute"),
    "volume": (9104, "/volume"),
}

# Bodies bound as Jackson JsonNode say nothing in OpenAPI: these names have a known type in every API here
# ("trusted": a 2xx for a value of another type is a validation hole). Other JsonNode fields take the type that
# the same name has elsewhere in the document (a view), which is only a guess.
KNOWN_TYPES = {
    "name": "string", "description": "string", "admin_state_up": "boolean", "shared": "boolean",
    "router:external": "boolean", "port_security_enabled": "boolean", "enable_dhcp": "boolean",
    "config_drive": "boolean", "multiattach": "boolean", "bootable": "boolean", "stateful": "boolean",
    "enabled": "boolean", "protected": "boolean", "os_hidden": "boolean", "is_public": "boolean",
    "ip_version": "integer", "size": "integer", "min_count": "integer", "max_count": "integer",
    "port_range_min": "integer", "port_range_max": "integer", "mtu": "integer", "ram": "integer",
    "vcpus": "integer", "disk": "integer", "min_disk": "integer", "min_ram": "integer",
    "metadata": "object", "fixed_ips": "array", "security_groups": "array", "allowed_address_pairs": "array",
    "dns_nameservers": "array", "host_routes": "array", "allocation_pools": "array", "tags": "array",
    "imageRef": "string", "flavorRef": "string", "network_id": "string", "cidr": "string",
}


class Route:
    def __init__(self, service, method, path, params, body, content_types):
        self.service, self.method, self.path = service, method, path
        self.params = params  # [(name, in, schema)] for query and header parameters
        self.body = body  # resolved schema of the JSON body, or None
        self.content_types = content_types
        self.path_params = re.findall(r"\{([^}]+)\}", path)

    @property
    def key(self):
        return f"{self.service} {self.method} {self.path}"

    def before(self, name):
        """The segment before a path parameter: 'networks' for {id} in /v2.0/networks/{id}."""
        parts = self.path.split("/")
        return parts[next(i for i, p in enumerate(parts) if "{" + name + "}" in p) - 1]

    def is_collection_post(self):
        return self.method == "POST" and not self.path.endswith("}") and self.path.rsplit("/", 1)[-1] not in (
            "action", "password", "tags", "deactivate", "reactivate", "tokens", "metadata", "extra_specs")


def load(service, host="127.0.0.1"):
    port, _ = SERVICES[service]
    with urllib.request.urlopen(f"http://{host}:{port}/q/openapi?format=json", timeout=30) as r:
        doc = json.load(r)
    components = doc.get("components", {}).get("schemas", {})
    hints = type_hints(components)
    routes = []
    for path, ops in sorted(doc.get("paths", {}).items()):
        shared = ops.get("parameters", [])
        for method, op in sorted(ops.items()):
            if method not in ("get", "post", "put", "patch", "delete", "head"):
                continue
            params = [(p["name"], p["in"], p.get("schema", {})) for p in shared + op.get("parameters", [])
                      if p.get("in") in ("query", "header")]
            content = op.get("requestBody", {}).get("content", {})
            body = None
            for ct, media in content.items():
                if "json" in ct:
                    body = resolve(media.get("schema", {}), components, hints)
                    break
            routes.append(Route(service, method.upper(), path, params, body, list(content)))
    return routes


def type_hints(components):
    """name -> type of properties declared with a concrete type anywhere in the document."""
    hints = {}
    for schema in components.values():
        for name, prop in schema.get("properties", {}).items():
            t = prop.get("type")
            if isinstance(t, list):
                t = next((x for x in t if x != "null"), None)
            if t and name not in hints:
                hints[name] = t
    return hints


def resolve(schema, components, hints, depth=0, name=None):
    """The schema with $ref, anyOf/oneOf and JsonNode replaced by plain types; each node says whether its type is
    declared ("trusted") or guessed."""
    if depth > 8:
        return {"type": "object", "properties": {}, "trusted": False}
    ref = schema.get("$ref") or next((s.get("$ref") for s in schema.get("anyOf", []) + schema.get("oneOf", [])
                                      if "$ref" in s), None)
    if ref:
        target = ref.rsplit("/", 1)[-1]
        if target == "JsonNode":
            t = KNOWN_TYPES.get(name) or hints.get(name) or "any"
            return {"type": t, "trusted": name in KNOWN_TYPES, "properties": {}, "items": {"type": "any"}}
        merged = dict(components.get(target, {}))
        merged.update({k: v for k, v in schema.items() if k not in ("$ref", "anyOf", "oneOf")})
        schema = merged
    t = schema.get("type", "object" if "properties" in schema else "any")
    if isinstance(t, list):
        t = next((x for x in t if x != "null"), "any")
    out = {"type": t, "trusted": t != "any", "nullable": "null" in str(schema.get("type"))}
    for k in ("enum", "maxLength", "minimum", "maximum", "required"):
        if k in schema:
            out[k] = schema[k]
    if t == "object":
        out["properties"] = {k: resolve(v, components, hints, depth + 1, k)
                             for k, v in schema.get("properties", {}).items()}
    if t == "array":
        out["items"] = resolve(schema.get("items", {}), components, hints, depth + 1, name)
    return out
