// Validates Kubernetes objects of the core API groups (Deployment, Service, HorizontalPodAutoscaler...) against
// Kubernetes' own schemas: the ajv validators that the npm package kubernetes-models (pinned in package.json and
// package-lock.json beside this file) generates from Kubernetes' OpenAPI document.
//
// stdin: a JSON array of objects. stdout: a JSON array with, for each object in the same order, the list of what
// is wrong with it (empty when it is valid). KubernetesSchemas.java runs it; see docs/kubernetes.md.
//
// Three checks beyond the package's validate():
// - unknown fields: Kubernetes' OpenAPI does not say additionalProperties: false, so the package accepts any
//   field; kubectl apply (field validation Strict) refuses them. The validators read every field that their schema
//   describes, so each object is handed to them behind a Proxy that records the fields read: a field that was never
//   read is unknown to the schema. (Maps, such as labels or a ConfigMap's data, are read key by key by ajv, so their
//   keys count as read.)
// - an apiVersion/kind that the package has no model for is refused;
// - only stable API versions (v1, v2): the package still carries the beta versions that Kubernetes removed
//   (autoscaling/v2beta1 and v2beta2, policy/v1beta1, extensions/v1beta1...), and its validators accept them.
import { readFileSync } from "node:fs";

const STABLE = /^v[0-9]+$/;

/** The model class of an apiVersion and kind, or a sentence saying why there is none. */
async function modelOf(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[a-z0-9.]*\/?v[0-9a-z]+$/.test(apiVersion)) {
    return `no apiVersion/kind: ${JSON.stringify(apiVersion)} ${JSON.stringify(kind)}`;
  }
  const version = apiVersion.split("/").pop();
  if (!STABLE.test(version)) {
    return `${apiVersion} is not a stable API version (its ${kind} is removed from Kubernetes or may be)`;
  }
  let module;
  try {
    module = await import(`kubernetes-models/${apiVersion}`);
  } catch {
    return `kubernetes-models has no API ${apiVersion}`;
  }
  const model = module[kind];
  if (typeof model !== "function" || model.apiVersion !== apiVersion || model.kind !== kind) {
    return `kubernetes-models has no ${kind} in ${apiVersion}`;
  }
  return model;
}

/**
 * The object behind Proxies that record, per JSON pointer of an object, which of its fields were read; arrays are
 * wrapped for their elements only.
 */
function watched(value, pointer, reads) {
  if (value === null || typeof value !== "object") {
    return value;
  }
  if (!Array.isArray(value)) {
    reads.set(pointer, { keys: Object.keys(value), read: new Set() });
  }
  const children = new Map();
  const child = (key) => {
    if (!children.has(key)) {
      children.set(key, watched(value[key], `${pointer}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`, reads));
    }
    return children.get(key);
  };
  return new Proxy(value, {
    get(target, key) {
      if (typeof key !== "string" || !Object.prototype.hasOwnProperty.call(target, key)) {
        return target[key];
      }
      if (!Array.isArray(target)) {
        reads.get(pointer).read.add(key);
      }
      return child(key);
    },
    has(target, key) {
      if (!Array.isArray(target) && typeof key === "string") {
        reads.get(pointer).read.add(key);
      }
      return key in target;
    },
  });
}

async function problemsOf(object) {
  if (object === null || typeof object !== "object" || Array.isArray(object)) {
    return ["not an object"];
  }
  const model = await modelOf(object.apiVersion, object.kind);
  if (typeof model === "string") {
    return [model];
  }
  const reads = new Map();
  const problems = [];
  try {
    // the model's validate() runs the schema's validator on `this`: given the Proxy, not a copy of the object
    model.prototype.validate.call(watched(object, "", reads));
  } catch (e) {
    for (const err of e.errors ?? [{ instancePath: "", message: String(e.message ?? e) }]) {
      const allowed = err.params?.allowedValues ? ` ${JSON.stringify(err.params.allowedValues)}` : "";
      problems.push(`${err.instancePath || "/"}: ${err.message}${allowed}`);
    }
  }
  for (const [pointer, { keys, read }] of reads) {
    for (const key of keys) {
      if (!read.has(key)) {
        problems.push(`${pointer || ""}/${key}: unknown field`);
      }
    }
  }
  return problems;
}

const objects = JSON.parse(readFileSync(0, "utf8"));
const results = [];
for (const object of objects) {
  results.push(await problemsOf(object));
}
process.stdout.write(JSON.stringify(results));
