// Offline validation of the rendered Integrity Suite manifests (k8s/check.sh runs this).
//
//   node validate.mjs --root <repo> --summary <file> NAME=rendered.yaml [NAME=rendered.yaml ...]
//
// For every rendered object:
//   schema   the object against its JSON schema: Kubernetes API objects with kubernetes-models,
//            KEDA with @kubernetes-models/keda, Strimzi with @kubernetes-models/strimzi-kafka-operator
//            (compiled from Strimzi's CRDs), all through @kubernetes-models/validate;
//   fields   the object against the TypeScript declarations of the same packages (tsc, strict): this
//            catches unknown or misspelt fields, which the JSON schemas let through (the API server
//            would reject them on apply, or prune them silently from custom resources).
// Then, per rendering, policy checks (probes, resources, non-root, read-only root filesystem, ...)
// and cross-reference checks (selectors, scale targets, topics against platform/kafka/topics.txt,
// environment against each service's application.properties, network paths).
// Prints one line per check; writes "PASSED FAILED" to the summary file.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import ts from "typescript";

const HERE = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// What the suite expects (kept next to the checks that use it)

const SERVICES = {
  gateway: { module: "gateway", port: 8080 },
  "ingest-service": { module: "ingest-service", port: 8081 },
  "scoring-service": { module: "scoring-service", port: 8082 },
  "notify-service": { module: "notify-service", port: 8083 },
};
// Replicas per rendering (name of the NAME=file argument).
const EXPECTED_REPLICAS = {
  dev: { gateway: 1, "ingest-service": 1, "scoring-service": 1, "notify-service": 1 },
  prod: { gateway: 3, "ingest-service": 3, "scoring-service": 2, "notify-service": 2 },
};
const EXPECTED_KAFKA_NODES = { dev: 1, prod: 3 };
// Autoscaling: CPU HPAs and KEDA Kafka-lag ScaledObjects (consumer group, topic).
const EXPECTED_HPA = ["gateway", "ingest-service"];
const EXPECTED_KEDA = {
  "scoring-service": [
    { consumerGroup: "scoring-features", topic: "account-events" },
    { consumerGroup: "scoring", topic: "scoring.features" },
  ],
  "notify-service": [{ consumerGroup: "notify-enforcement", topic: "enforcement.applied" }],
};
// Secrets the manifests may reference: created by hand (k8s/secrets.example.md), never rendered.
const KNOWN_SECRETS = {
  "integrity-db": ["DB_USER", "DB_PASSWORD"],
  "integrity-jwt": ["public-key.pem"],
  "integrity-tls": ["tls.crt", "tls.key"],
};
// kubectl 1.20 embeds kustomize v2.0.3: the kustomization fields it understands.
const KUSTOMIZE_V2_FIELDS = new Set([
  "apiVersion", "kind", "resources", "bases", "namespace", "namePrefix", "nameSuffix",
  "commonLabels", "commonAnnotations", "patchesStrategicMerge", "patchesJson6902",
  "configMapGenerator", "secretGenerator", "generatorOptions", "images", "vars", "crds",
]);
const KUSTOMIZE_V2_GENERATOR_FIELDS = new Set(["name", "behavior", "literals", "files", "env", "namespace"]);

// ---------------------------------------------------------------------------------------------
// Output

let passed = 0;
let failed = 0;
function report(ok, scope, subject, check, detail = "") {
  if (ok) passed++;
  else failed++;
  const line = `${ok ? "ok  " : "FAIL"} ${scope.padEnd(5)} ${subject.padEnd(44)} ${check}${detail ? ": " + detail : ""}`;
  console.log(line);
}
function check(scope, subject, name, problems) {
  const list = (Array.isArray(problems) ? problems : [problems]).filter(Boolean);
  report(list.length === 0, scope, subject, name, list.join("; "));
}

// ---------------------------------------------------------------------------------------------
// Arguments

const args = process.argv.slice(2);
let root = path.resolve(HERE, "../..");
let summaryFile = null;
const renderings = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--root") root = path.resolve(args[++i]);
  else if (args[i] === "--summary") summaryFile = args[++i];
  else if (args[i].includes("=")) {
    const [name, file] = args[i].split("=", 2);
    renderings.push({ name, file });
  } else {
    console.error(`unknown argument ${args[i]}`);
    process.exit(2);
  }
}

function pkgVersion(name) {
  return JSON.parse(fs.readFileSync(path.join(HERE, "node_modules", name, "package.json"), "utf8")).version;
}

// ---------------------------------------------------------------------------------------------
// Schemas: apiVersion + kind -> model module

function modelModule(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "keda.sh") return `@kubernetes-models/keda/keda.sh/${version}/${kind}`;
  if (group === "kafka.strimzi.io" || group === "core.strimzi.io") {
    return `@kubernetes-models/strimzi-kafka-operator/${group}/${version}/${kind}`;
  }
  if (group.includes(".") && !group.endsWith(".k8s.io")) return null; // some other CRD: no schema
  return `kubernetes-models/${group ? group + "/" : ""}${version}/${kind}`;
}
function schemaPackage(apiVersion) {
  if (apiVersion.startsWith("keda.sh/")) return `@kubernetes-models/keda ${pkgVersion("@kubernetes-models/keda")}`;
  if (apiVersion.includes("strimzi.io/")) {
    return `@kubernetes-models/strimzi-kafka-operator ${pkgVersion("@kubernetes-models/strimzi-kafka-operator")}`;
  }
  return `kubernetes-models ${pkgVersion("kubernetes-models")}`;
}

async function loadModel(apiVersion, kind) {
  const spec = modelModule(apiVersion, kind);
  if (!spec) return null;
  try {
    const mod = await import(spec);
    return { spec, Model: mod[kind] };
  } catch {
    return null;
  }
}

function formatAjvError(e) {
  const errs = e && e.errors;
  if (Array.isArray(errs) && errs.length) {
    return errs.slice(0, 5).map((x) => `${x.instancePath || "/"} ${x.message}${x.params && x.params.allowedValues ? " " + JSON.stringify(x.params.allowedValues) : ""}`).join("; ");
  }
  return String((e && e.message) || e).split("\n").slice(0, 5).join(" ");
}

// ---------------------------------------------------------------------------------------------
// Strict fields: type-check every object as an object literal of its model's interface

function strictFieldCheck(objects) {
  // One virtual TypeScript file per rendering, inside this package so the models resolve.
  const fileName = path.join(HERE, "__rendered__.mts");
  const lines = [];
  const ranges = []; // [startLine, endLine, index]
  const imports = new Map();
  for (const o of objects) {
    const spec = modelModule(o.apiVersion || "", o.kind || "");
    if (spec && !imports.has(spec)) imports.set(spec, `T${imports.size}`);
  }
  for (const [spec, alias] of imports) {
    const kind = spec.split("/").pop();
    lines.push(`import type { I${kind} as ${alias} } from "${spec}";`);
  }
  objects.forEach((o, i) => {
    const spec = modelModule(o.apiVersion || "", o.kind || "");
    if (!spec) return;
    const body = JSON.stringify(o, null, 1).split("\n");
    const start = lines.length;
    lines.push(`export const o${i}: ${imports.get(spec)} = ${body[0]}`);
    for (let k = 1; k < body.length; k++) lines.push(body[k]);
    lines[lines.length - 1] += ";";
    ranges.push([start, lines.length - 1, i]);
  });
  const source = lines.join("\n");
  const options = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options, true);
  const orig = { getSourceFile: host.getSourceFile, fileExists: host.fileExists, readFile: host.readFile };
  host.getSourceFile = (name, lang, onErr, create) =>
    path.resolve(name) === fileName ? ts.createSourceFile(name, source, lang, true) : orig.getSourceFile.call(host, name, lang, onErr, create);
  host.fileExists = (name) => path.resolve(name) === fileName || orig.fileExists.call(host, name);
  host.readFile = (name) => (path.resolve(name) === fileName ? source : orig.readFile.call(host, name));
  const program = ts.createProgram([fileName], options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const perObject = new Map();
  const global = [];
  for (const d of diagnostics) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, " ").replace(/\s+/g, " ");
    if (!d.file || path.resolve(d.file.fileName) !== fileName) {
      global.push(text);
      continue;
    }
    const line = d.file.getLineAndCharacterOfPosition(d.start).line;
    const r = ranges.find(([a, b]) => line >= a && line <= b);
    if (!r) {
      global.push(text);
      continue;
    }
    // Name the offending property path from the JSON text around the position.
    const key = d.file.text.slice(d.start, d.start + d.length).slice(0, 60);
    if (!perObject.has(r[2])) perObject.set(r[2], []);
    perObject.get(r[2]).push(`${key} ${shorten(text)}`);
  }
  return { perObject, global };
}
function shorten(text) {
  return text.length > 300 ? text.slice(0, 300) + "..." : text;
}

// ---------------------------------------------------------------------------------------------
// Helpers over objects

const id = (o) => `${o.kind}/${o.metadata && o.metadata.name}`;
const podSpecOf = (o) => {
  if (["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"].includes(o.kind)) return o.spec && o.spec.template && o.spec.template.spec;
  if (o.kind === "CronJob") return o.spec && o.spec.jobTemplate && o.spec.jobTemplate.spec.template.spec;
  if (o.kind === "Pod") return o.spec;
  return null;
};
const podLabelsOf = (o) => (o.spec && o.spec.template && o.spec.template.metadata && o.spec.template.metadata.labels) || {};
const matches = (selector, labels) => Object.entries(selector || {}).every(([k, v]) => labels[k] === v);
function labelSelectorMatches(sel, labels) {
  if (!sel) return false;
  if (!matches(sel.matchLabels, labels)) return false;
  for (const e of sel.matchExpressions || []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    if (e.operator === "In" && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

// application.properties: channels (topic, group) and the ${VAR} placeholders of the prod profile
function readProperties(module) {
  const file = path.join(root, module, "src/main/resources/application.properties");
  const props = new Map();
  if (!fs.existsSync(file)) return { file, props, vars: new Map() };
  let text = fs.readFileSync(file, "utf8").replace(/\\\r?\n\s*/g, "");
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    const m = line.match(/^([^=:\s]+)\s*[=:]\s*(.*)$/);
    if (m) props.set(m[1], m[2]);
  }
  // ${some.property} in a value: the same file's setting of it (the profile-free one).
  for (const [k, v] of props) {
    props.set(k, v.replace(/\$\{([a-z][a-z0-9.-]*)\}/g, (whole, name) => (props.has(name) ? props.get(name) : whole)));
  }
  const vars = new Map(); // name -> has default
  for (const [k, v] of props) {
    if (k.startsWith("%") && !k.startsWith("%prod.")) continue; // dev/test-only settings
    for (const m of v.matchAll(/\$\{([A-Z][A-Z0-9_]*)(:[^}]*)?\}/g)) {
      const hasDefault = m[2] !== undefined;
      vars.set(m[1], (vars.get(m[1]) ?? true) && hasDefault);
    }
  }
  return { file, props, vars };
}
function incomingChannels(props) {
  const ch = new Map();
  // A Kafka Streams application consumes its source topics in the group named by its application id.
  if (props.has("quarkus.kafka-streams.application-id")) {
    ch.set("kafka-streams", {
      topics: (props.get("quarkus.kafka-streams.topics") || "").split(",").map((s) => s.trim()).filter(Boolean),
      group: props.get("quarkus.kafka-streams.application-id"),
    });
  }
  for (const [k, v] of props) {
    const m = k.match(/^mp\.messaging\.incoming\.([^.]+)\.(topic|topics|group\.id)$/);
    if (!m) continue;
    if (!ch.has(m[1])) ch.set(m[1], { topics: [], group: null });
    if (m[2] === "group.id") ch.get(m[1]).group = v;
    else ch.get(m[1]).topics.push(...v.split(",").map((s) => s.trim()));
  }
  return ch;
}

function readTopics() {
  const file = path.join(root, "platform/kafka/topics.txt");
  const topics = [];
  for (const raw of fs.readFileSync(file, "utf8").split(/\r?\n/)) {
    const line = raw.replace(/#.*/, "").trim();
    if (!line) continue;
    const [name, partitions, retention] = line.split(/\s+/);
    topics.push({ name, partitions: Number(partitions), retention: String(retention) });
  }
  return topics;
}

// ---------------------------------------------------------------------------------------------
// Network policy evaluation (same-namespace pods, namespaces by label, external addresses)

function makeNet(objects, namespace) {
  const policies = objects.filter((o) => o.kind === "NetworkPolicy");
  const nsLabels = { "kubernetes.io/metadata.name": namespace };
  const peerMatches = (peer, ep) => {
    if (peer.ipBlock) return ep.external === true;
    if (ep.external) return false;
    if (peer.namespaceSelector) {
      if (!labelSelectorMatches(peer.namespaceSelector, ep.nsLabels)) return false;
    } else if (ep.namespace !== namespace) return false;
    if (peer.podSelector) return labelSelectorMatches(peer.podSelector, ep.labels);
    return true;
  };
  const portMatches = (ports, port, protocol) =>
    !ports || ports.length === 0 || ports.some((p) => (p.protocol || "TCP") === protocol && (p.port === undefined || p.port === port || (p.endPort && port >= p.port && port <= p.endPort)));
  const selecting = (ep, type) =>
    ep.external || ep.namespace !== namespace ? [] : policies.filter((p) => labelSelectorMatches(p.spec.podSelector, ep.labels) && (p.spec.policyTypes || ["Ingress"]).includes(type));
  const egressAllowed = (src, dst, port, protocol) => {
    const ps = selecting(src, "Egress");
    if (ps.length === 0) return true;
    return ps.some((p) => (p.spec.egress || []).some((r) => (!r.to || r.to.length === 0 || r.to.some((peer) => peerMatches(peer, dst))) && portMatches(r.ports, port, protocol)));
  };
  const ingressAllowed = (src, dst, port, protocol) => {
    const ps = selecting(dst, "Ingress");
    if (ps.length === 0) return true;
    return ps.some((p) => (p.spec.ingress || []).some((r) => (!r.from || r.from.length === 0 || r.from.some((peer) => peerMatches(peer, src))) && portMatches(r.ports, port, protocol)));
  };
  const allowed = (src, dst, port, protocol = "TCP") => egressAllowed(src, dst, port, protocol) && ingressAllowed(src, dst, port, protocol);
  const pod = (labels) => ({ namespace, nsLabels, labels });
  return { allowed, pod, nsLabels };
}

// ---------------------------------------------------------------------------------------------
// Checks on one rendering

async function checkRendering({ name, file }) {
  const scope = name;
  let objects;
  try {
    objects = yaml.loadAll(fs.readFileSync(file, "utf8")).filter((o) => o && typeof o === "object");
    report(objects.length > 0, scope, path.relative(root, file), "parse", objects.length ? `${objects.length} objects` : "no objects");
  } catch (e) {
    report(false, scope, path.relative(root, file), "parse", e.message);
    return;
  }

  // 1. schema, per object
  for (const o of objects) {
    if (!o.apiVersion || !o.kind) {
      report(false, scope, id(o), "schema", "apiVersion and kind are required");
      continue;
    }
    const loaded = await loadModel(o.apiVersion, o.kind);
    if (!loaded || !loaded.Model) {
      report(false, scope, id(o), "schema", `no schema for ${o.apiVersion} ${o.kind}`);
      continue;
    }
    try {
      new loaded.Model(o).validate();
      report(true, scope, id(o), `schema ${o.apiVersion} (${schemaPackage(o.apiVersion)})`);
    } catch (e) {
      report(false, scope, id(o), `schema ${o.apiVersion}`, formatAjvError(e));
    }
    // Strimzi 1.0 serves only kafka.strimzi.io/v1: the same object must be valid there too, so the
    // upgrade is a change of apiVersion and nothing else.
    if (o.apiVersion === "kafka.strimzi.io/v1beta2") {
      const v1 = await loadModel("kafka.strimzi.io/v1", o.kind);
      try {
        if (!v1 || !v1.Model) throw new Error(`no kafka.strimzi.io/v1 schema for ${o.kind}`);
        new v1.Model({ ...o, apiVersion: "kafka.strimzi.io/v1" }).validate();
        report(true, scope, id(o), "schema kafka.strimzi.io/v1 as well (upgrade path to Strimzi 1.0)");
      } catch (e) {
        report(false, scope, id(o), "schema kafka.strimzi.io/v1 as well (upgrade path to Strimzi 1.0)", formatAjvError(e));
      }
    }
  }

  // 2. strict fields, per object
  const { perObject, global } = strictFieldCheck(objects);
  check(scope, "typescript", `field check (typescript ${ts.version})`, global.map(shorten));
  objects.forEach((o, i) => {
    if (!modelModule(o.apiVersion || "", o.kind || "")) return;
    check(scope, id(o), "known fields and types", perObject.get(i) || []);
  });

  const byKind = (k) => objects.filter((o) => o.kind === k);
  const find = (k, n) => objects.find((o) => o.kind === k && o.metadata.name === n);
  const namespaces = new Set(objects.map((o) => o.metadata && o.metadata.namespace));
  const namespace = [...namespaces][0] || "default";
  check(scope, "namespace", "one namespace for all objects", namespaces.size === 1 && namespace !== undefined ? [] : `found ${[...namespaces].join(", ")}`);

  // 3. no Secret is rendered; referenced ones are the documented ones
  check(scope, "Secret", "no Secret in the rendered manifests (created by hand)", byKind("Secret").map(id));

  // 4. policy, per container of every workload
  const workloads = objects.filter((o) => podSpecOf(o));
  for (const w of workloads) {
    const pod = podSpecOf(w);
    const podSc = pod.securityContext || {};
    const containers = [...(pod.initContainers || []).map((c) => [c, true]), ...(pod.containers || []).map((c) => [c, false])];
    for (const [c, init] of containers) {
      const subject = `${id(w)}[${c.name}]`;
      const sc = c.securityContext || {};
      if (!init) {
        check(scope, subject, "liveness, readiness and startup probes", [
          !c.livenessProbe && "no livenessProbe",
          !c.readinessProbe && "no readinessProbe",
          !c.startupProbe && "no startupProbe",
        ]);
      }
      const r = c.resources || {};
      check(scope, subject, "resource requests and limits (cpu, memory)", [
        !(r.requests && r.requests.cpu) && "no cpu request",
        !(r.requests && r.requests.memory) && "no memory request",
        !(r.limits && r.limits.cpu) && "no cpu limit",
        !(r.limits && r.limits.memory) && "no memory limit",
      ]);
      const nonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
      const user = sc.runAsUser ?? podSc.runAsUser;
      const seccomp = (sc.seccompProfile || podSc.seccompProfile || {}).type;
      const drop = ((sc.capabilities || {}).drop || []).map((x) => String(x).toUpperCase());
      check(scope, subject, "securityContext (non-root, read-only root, no escalation, no capabilities, seccomp)", [
        nonRoot !== true && "runAsNonRoot is not true",
        user === 0 && "runAsUser is 0",
        sc.readOnlyRootFilesystem !== true && "readOnlyRootFilesystem is not true",
        sc.allowPrivilegeEscalation !== false && "allowPrivilegeEscalation is not false",
        sc.privileged === true && "privileged",
        !drop.includes("ALL") && "capabilities do not drop ALL",
        ((sc.capabilities || {}).add || []).length > 0 && "capabilities added",
        !["RuntimeDefault", "Localhost"].includes(seccomp) && "seccompProfile is not RuntimeDefault",
      ]);
      const tmp = (c.volumeMounts || []).find((m) => m.mountPath === "/tmp");
      const tmpVol = tmp && (pod.volumes || []).find((v) => v.name === tmp.name);
      const image = String(c.image || "");
      const tag = image.includes("@") ? "digest" : image.lastIndexOf(":") > image.lastIndexOf("/") ? image.slice(image.lastIndexOf(":") + 1) : "";
      check(scope, subject, "writable /tmp (emptyDir) and a pinned image", [
        !(tmpVol && tmpVol.emptyDir) && "no emptyDir mounted at /tmp",
        (!tag || tag === "latest") && `image ${image} has no pinned tag`,
      ]);
    }
    const volumeNames = new Set((pod.volumes || []).map((v) => v.name));
    const missingMounts = (pod.containers || []).flatMap((c) => (c.volumeMounts || []).filter((m) => !volumeNames.has(m.name)).map((m) => `${c.name}: ${m.name}`));
    const claimNames = new Set(((w.spec && w.spec.volumeClaimTemplates) || []).map((t) => t.metadata.name));
    check(scope, id(w), "every volumeMount has a volume", missingMounts.filter((m) => !claimNames.has(m.split(": ")[1])).map((m) => `no volume for ${m}`));
    check(scope, id(w), "pod: no service links, no service account token", [
      pod.enableServiceLinks !== false && "enableServiceLinks is not false (GATEWAY_PORT/REDIS_PORT would be injected)",
      pod.automountServiceAccountToken !== false && "automountServiceAccountToken is not false",
    ]);
    if (w.spec && w.spec.selector) {
      check(scope, id(w), "selector matches the pod template", labelSelectorMatches(w.spec.selector, podLabelsOf(w)) ? [] : "selector does not match the template's labels");
    }
    // ConfigMaps and Secrets referenced
    const refs = [];
    for (const c of [...(pod.containers || []), ...(pod.initContainers || [])]) {
      for (const ef of c.envFrom || []) {
        if (ef.configMapRef) refs.push(["ConfigMap", ef.configMapRef.name]);
        if (ef.secretRef) refs.push(["Secret", ef.secretRef.name, null]);
      }
      for (const e of c.env || []) {
        const vf = e.valueFrom || {};
        if (vf.configMapKeyRef) refs.push(["ConfigMap", vf.configMapKeyRef.name, vf.configMapKeyRef.key]);
        if (vf.secretKeyRef) refs.push(["Secret", vf.secretKeyRef.name, vf.secretKeyRef.key]);
      }
    }
    for (const v of pod.volumes || []) {
      if (v.configMap) refs.push(["ConfigMap", v.configMap.name]);
      if (v.secret) for (const it of v.secret.items || [{ key: null }]) refs.push(["Secret", v.secret.secretName, it.key]);
    }
    check(scope, id(w), "referenced ConfigMaps exist, Secrets are the documented ones", refs.map(([k, n, key]) => {
      if (k === "ConfigMap") {
        const cm = find("ConfigMap", n);
        if (!cm) return `ConfigMap ${n} is not rendered`;
        if (key && !(key in (cm.data || {}))) return `ConfigMap ${n} has no key ${key}`;
        return null;
      }
      if (!KNOWN_SECRETS[n]) return `Secret ${n} is not documented in k8s/secrets.example.md`;
      if (key && !KNOWN_SECRETS[n].includes(key)) return `Secret ${n} has no documented key ${key}`;
      return null;
    }));
  }

  // 5. the four services: Deployment, Service, PDB, environment, replicas
  for (const [svc, def] of Object.entries(SERVICES)) {
    const d = find("Deployment", svc);
    const s = find("Service", svc);
    const pdb = find("PodDisruptionBudget", svc);
    check(scope, svc, "Deployment, Service and PodDisruptionBudget exist", [!d && "no Deployment", !s && "no Service", !pdb && "no PodDisruptionBudget"]);
    if (!d) continue;
    const pod = podSpecOf(d);
    const c = (pod.containers || []).find((x) => x.name === svc) || (pod.containers || [])[0];
    const want = (EXPECTED_REPLICAS[name] || {})[svc];
    if (want !== undefined) check(scope, `Deployment/${svc}`, `replicas = ${want}`, d.spec.replicas === want ? [] : `replicas is ${d.spec.replicas}`);
    const httpPort = (c.ports || []).find((p) => p.name === "http");
    check(scope, `Deployment/${svc}`, `container port http = ${def.port}`, httpPort && httpPort.containerPort === def.port ? [] : `http port is ${httpPort && httpPort.containerPort}`);
    const probePaths = { livenessProbe: "/q/health/live", readinessProbe: "/q/health/ready", startupProbe: ["/q/health/started", "/q/health/live"] };
    check(scope, `Deployment/${svc}`, "probes on the SmallRye Health endpoints", Object.entries(probePaths).map(([p, want]) => {
      const g = c[p] && c[p].httpGet;
      if (!g) return `${p} is not an httpGet`;
      const ok = [].concat(want).includes(g.path) && (g.port === "http" || g.port === def.port);
      return ok ? null : `${p} is ${g.path} on ${g.port}`;
    }));
    if (s) {
      const targets = (s.spec.ports || []).map((p) => p.targetPort);
      check(scope, `Service/${svc}`, "selects the Deployment's pods on its http port", [
        !labelSelectorMatches({ matchLabels: s.spec.selector }, podLabelsOf(d)) && "selector does not match the pods",
        !(s.spec.ports || []).some((p) => p.port === def.port && (p.targetPort === "http" || p.targetPort === def.port)) && `no port ${def.port} -> http (${JSON.stringify(targets)})`,
        s.spec.type && s.spec.type !== "ClusterIP" && `type ${s.spec.type} (only the Ingress is public)`,
      ]);
    }
    if (pdb) {
      const hasMin = pdb.spec.minAvailable !== undefined;
      const hasMax = pdb.spec.maxUnavailable !== undefined;
      check(scope, `PodDisruptionBudget/${svc}`, "selects the pods; one of minAvailable/maxUnavailable", [
        !labelSelectorMatches(pdb.spec.selector, podLabelsOf(d)) && "selector does not match the pods",
        hasMin === hasMax && "needs exactly one of minAvailable and maxUnavailable",
        name === "prod" && !hasMin && "prod uses minAvailable",
        hasMin && typeof pdb.spec.minAvailable === "number" && pdb.spec.minAvailable >= (d.spec.replicas || 1) && `minAvailable ${pdb.spec.minAvailable} blocks every eviction at ${d.spec.replicas} replicas`,
      ]);
    }
    // Environment: every ${VAR} the service reads without a default must be provided; every
    // ConfigMap key that names a placeholder is fine either way.
    const { file, props, vars } = readProperties(def.module);
    const provided = new Set();
    for (const ef of c.envFrom || []) {
      if (ef.configMapRef) Object.keys((find("ConfigMap", ef.configMapRef.name) || {}).data || {}).forEach((k) => provided.add((ef.prefix || "") + k));
      if (ef.secretRef) (KNOWN_SECRETS[ef.secretRef.name] || []).forEach((k) => provided.add((ef.prefix || "") + k));
    }
    for (const e of c.env || []) provided.add(e.name);
    const required = [...vars].filter(([, hasDefault]) => !hasDefault).map(([v]) => v);
    check(scope, `Deployment/${svc}`, `environment covers application.properties (${required.join(", ") || "nothing required"})`, [
      props.size === 0 && `cannot read ${path.relative(root, file)}`,
      ...required.filter((v) => !provided.has(v)).map((v) => `${v} is not provided`),
    ]);
    // Connection settings the manifests mean to set must be settings the service actually reads.
    const cmKeys = new Set();
    for (const ef of c.envFrom || []) if (ef.configMapRef) Object.keys((find("ConfigMap", ef.configMapRef.name) || {}).data || {}).forEach((k) => cmKeys.add(k));
    const meant = { gateway: ["GATEWAY_PORT", "INGEST_HOST", "SCORING_HOST", "NOTIFY_HOST", "REDIS_HOST", "JWT_PUBLIC_KEY_LOCATION", "JWT_ISSUER"] }[svc] ||
      ["PG_HOST", "PG_PORT", "DB_USER", "DB_PASSWORD", "REDIS_HOST", "REDIS_PORT", "KAFKA_BOOTSTRAP"];
    check(scope, `Deployment/${svc}`, "the service reads the settings the manifests provide", meant.filter((v) => !vars.has(v)).map((v) => `${v} is not read by ${path.relative(root, file)}`));
    check(scope, `Deployment/${svc}`, "the settings it reads are provided", meant.filter((v) => !provided.has(v)).map((v) => `${v} is not provided`));
    if (vars.has("JWT_PUBLIC_KEY_LOCATION")) {
      const cm = (c.envFrom || []).map((ef) => ef.configMapRef && find("ConfigMap", ef.configMapRef.name)).find((x) => x && x.data && x.data.JWT_PUBLIC_KEY_LOCATION);
      const loc = cm && cm.data.JWT_PUBLIC_KEY_LOCATION.replace(/^file:/, "");
      const mount = loc && (c.volumeMounts || []).find((m) => loc.startsWith(m.mountPath.replace(/\/?$/, "/")));
      const vol = mount && (pod.volumes || []).find((v) => v.name === mount.name);
      const item = vol && vol.secret && (vol.secret.items || []).find((it) => path.posix.join(mount.mountPath, it.path) === loc);
      check(scope, `Deployment/${svc}`, "JWT public key file comes from a Secret", [
        !loc && "JWT_PUBLIC_KEY_LOCATION is not set",
        loc && !mount && `${loc} is not under a volumeMount`,
        mount && !(vol && vol.secret) && `${mount.mountPath} is not a Secret volume`,
        vol && vol.secret && !item && `Secret ${vol.secret.secretName} does not project ${loc}`,
      ]);
    }
  }

  // 6. autoscaling
  const hpas = byKind("HorizontalPodAutoscaler");
  const scaled = byKind("ScaledObject");
  for (const h of hpas) {
    const t = h.spec.scaleTargetRef || {};
    const cpu = (h.spec.metrics || []).some((m) => m.type === "Resource" && m.resource && m.resource.name === "cpu");
    check(scope, id(h), "targets a Deployment; scales on CPU; min <= max", [
      h.apiVersion !== "autoscaling/v2" && `apiVersion ${h.apiVersion}`,
      !(t.kind === "Deployment" && find("Deployment", t.name)) && `no Deployment ${t.name}`,
      !cpu && "no cpu metric",
      (h.spec.minReplicas || 1) > h.spec.maxReplicas && "minReplicas > maxReplicas",
      scaled.some((so) => so.spec.scaleTargetRef.name === t.name) && "the Deployment is also scaled by KEDA",
    ]);
  }
  check(scope, "HorizontalPodAutoscaler", `exactly for ${EXPECTED_HPA.join(", ")}`, [
    ...EXPECTED_HPA.filter((n) => !hpas.some((h) => h.spec.scaleTargetRef.name === n)).map((n) => `none for ${n}`),
    ...hpas.filter((h) => !EXPECTED_HPA.includes(h.spec.scaleTargetRef.name)).map((h) => `unexpected ${id(h)}`),
  ]);
  const topics = new Map(byKind("KafkaTopic").map((t) => [t.spec.topicName || t.metadata.name, t]));
  const bootstrap = new Set();
  for (const k of byKind("Kafka")) for (const l of k.spec.kafka.listeners || []) bootstrap.add(`${k.metadata.name}-kafka-bootstrap:${l.port}`);
  for (const so of scaled) {
    const t = so.spec.scaleTargetRef || {};
    const svc = t.name;
    const def = SERVICES[svc];
    const channels = def ? incomingChannels(readProperties(def.module).props) : new Map();
    const problems = [
      !((t.kind || "Deployment") === "Deployment" && find("Deployment", t.name)) && `no Deployment ${t.name}`,
      (so.spec.minReplicaCount ?? 0) > (so.spec.maxReplicaCount ?? 100) && "minReplicaCount > maxReplicaCount",
    ];
    let maxPartitions = 0;
    for (const tr of so.spec.triggers || []) {
      const m = tr.metadata || {};
      if (tr.type !== "kafka") {
        problems.push(`trigger ${tr.type} is not kafka`);
        continue;
      }
      if (!bootstrap.has(m.bootstrapServers)) problems.push(`bootstrapServers ${m.bootstrapServers} is not a rendered Kafka listener (${[...bootstrap].join(", ")})`);
      const topic = topics.get(m.topic);
      if (!topic) problems.push(`topic ${m.topic} is not a KafkaTopic`);
      else maxPartitions = Math.max(maxPartitions, topic.spec.partitions);
      if (!m.lagThreshold || !/^\d+$/.test(String(m.lagThreshold))) problems.push(`lagThreshold ${m.lagThreshold} is not a number`);
      const consumes = [...channels.values()].some((ch) => ch.group === m.consumerGroup && ch.topics.includes(m.topic));
      if (!consumes) problems.push(`${svc} has no consumer in group ${m.consumerGroup} on ${m.topic} (application.properties)`);
    }
    if (maxPartitions && so.spec.maxReplicaCount > maxPartitions) problems.push(`maxReplicaCount ${so.spec.maxReplicaCount} > ${maxPartitions} partitions`);
    check(scope, id(so), "KEDA Kafka lag triggers match topics, groups and the target", problems);
  }
  check(scope, "ScaledObject", `Kafka lag scaling for ${Object.keys(EXPECTED_KEDA).join(", ")}`, Object.entries(EXPECTED_KEDA).flatMap(([svc, want]) => {
    const so = scaled.find((x) => x.spec.scaleTargetRef.name === svc);
    if (!so) return [`no ScaledObject for ${svc}`];
    return want.filter((w) => !(so.spec.triggers || []).some((tr) => tr.type === "kafka" && tr.metadata.consumerGroup === w.consumerGroup && tr.metadata.topic === w.topic)).map((w) => `${svc}: no trigger for group ${w.consumerGroup} on ${w.topic}`);
  }));

  // 7. Kafka (Strimzi): KRaft with node pools, topics as in platform/kafka/topics.txt
  const kafkas = byKind("Kafka");
  const pools = byKind("KafkaNodePool");
  check(scope, "Kafka", "one Strimzi Kafka cluster", kafkas.length === 1 ? [] : `${kafkas.length} Kafka resources`);
  for (const k of kafkas) {
    const a = k.metadata.annotations || {};
    const myPools = pools.filter((p) => (p.metadata.labels || {})["strimzi.io/cluster"] === k.metadata.name);
    const nodes = myPools.reduce((n, p) => n + p.spec.replicas, 0);
    const roles = new Set(myPools.flatMap((p) => p.spec.roles || []));
    const cfg = k.spec.kafka.config || {};
    const rf = Number(cfg["default.replication.factor"] ?? 1);
    const isr = Number(cfg["min.insync.replicas"] ?? 1);
    const want = EXPECTED_KAFKA_NODES[name];
    check(scope, id(k), "KRaft with node pools (controller and broker roles), replication fits the nodes", [
      a["strimzi.io/kraft"] !== "enabled" && "annotation strimzi.io/kraft is not enabled",
      a["strimzi.io/node-pools"] !== "enabled" && "annotation strimzi.io/node-pools is not enabled",
      k.spec.zookeeper && "has a zookeeper section",
      myPools.length === 0 && "no KafkaNodePool with strimzi.io/cluster=" + k.metadata.name,
      !(roles.has("controller") && roles.has("broker")) && `roles ${[...roles].join(",")}`,
      want !== undefined && nodes !== want && `${nodes} nodes, expected ${want}`,
      rf > nodes && `default.replication.factor ${rf} > ${nodes} nodes`,
      isr > rf && `min.insync.replicas ${isr} > replication ${rf}`,
      Number(cfg["offsets.topic.replication.factor"] ?? 3) > nodes && "offsets.topic.replication.factor exceeds the nodes",
      Number(cfg["transaction.state.log.replication.factor"] ?? 3) > nodes && "transaction.state.log.replication.factor exceeds the nodes",
    ]);
  }
  for (const p of pools) {
    const cluster = (p.metadata.labels || {})["strimzi.io/cluster"];
    check(scope, id(p), "belongs to a rendered Kafka", kafkas.some((k) => k.metadata.name === cluster) ? [] : `strimzi.io/cluster=${cluster}`);
  }
  const wantTopics = readTopics();
  for (const t of wantTopics) {
    const kt = topics.get(t.name);
    const subject = `KafkaTopic/${t.name}`;
    if (!kt) {
      report(false, scope, subject, "listed in platform/kafka/topics.txt", "no KafkaTopic");
      continue;
    }
    const cluster = (kt.metadata.labels || {})["strimzi.io/cluster"];
    const nodes = pools.filter((p) => (p.metadata.labels || {})["strimzi.io/cluster"] === cluster).reduce((n, p) => n + p.spec.replicas, 0);
    check(scope, subject, `partitions ${t.partitions}, retention.ms ${t.retention} as in topics.txt`, [
      kt.spec.partitions !== t.partitions && `partitions ${kt.spec.partitions}`,
      String((kt.spec.config || {})["retention.ms"]) !== t.retention && `retention.ms ${(kt.spec.config || {})["retention.ms"]}`,
      !kafkas.some((k) => k.metadata.name === cluster) && `strimzi.io/cluster=${cluster} is not a rendered Kafka`,
      kt.spec.replicas !== undefined && kt.spec.replicas > nodes && `replicas ${kt.spec.replicas} > ${nodes} nodes`,
    ]);
  }
  check(scope, "KafkaTopic", "no topic beyond platform/kafka/topics.txt", [...topics.keys()].filter((n) => !wantTopics.some((t) => t.name === n)).map((n) => `unexpected ${n}`));
  // Every topic a service consumes or produces exists.
  const used = new Set();
  for (const def of Object.values(SERVICES)) {
    for (const [k, v] of readProperties(def.module).props) {
      if (k.startsWith("%")) continue;
      if (/^mp\.messaging\.(incoming|outgoing)\.[^.]+\.topics?$/.test(k)) v.split(",").forEach((x) => used.add(x.trim()));
    }
  }
  check(scope, "KafkaTopic", "every topic the services use is declared", [...used].filter((n) => !topics.has(n)).map((n) => `${n} is used but not declared`));

  // 8. Ingress: the gateway only
  const ingresses = byKind("Ingress");
  const backends = ingresses.flatMap((i) => (i.spec.rules || []).flatMap((r) => ((r.http || {}).paths || []).map((p) => p.backend.service && p.backend.service.name)));
  check(scope, "Ingress", "exactly one, to the gateway only", [
    ingresses.length !== 1 && `${ingresses.length} Ingress resources`,
    ...backends.filter((b) => b !== "gateway").map((b) => `backend ${b}`),
    backends.length === 0 && "no backend",
  ]);
  check(scope, "Service", "no LoadBalancer or NodePort Services", byKind("Service").filter((s) => ["LoadBalancer", "NodePort"].includes(s.spec.type)).map(id));

  // 9. network paths
  const net = makeNet(objects, namespace);
  const podOf = (n) => net.pod(podLabelsOf(find("Deployment", n) || { spec: {} }));
  const ingressController = { namespace: "ingress-nginx", nsLabels: { "kubernetes.io/metadata.name": "ingress-nginx" }, labels: { "app.kubernetes.io/name": "ingress-nginx" } };
  const otherPod = net.pod({ "app.kubernetes.io/name": "debug-shell" });
  const dns = { namespace: "kube-system", nsLabels: { "kubernetes.io/metadata.name": "kube-system" }, labels: { "k8s-app": "kube-dns" } };
  const kafkaPod = net.pod({ "strimzi.io/cluster": (kafkas[0] || { metadata: {} }).metadata.name, "strimzi.io/kind": "Kafka", "strimzi.io/broker-role": "true" });
  const inCluster = (n) => find("Deployment", n) || find("StatefulSet", n);
  const pgPod = inCluster("postgres") ? net.pod(podLabelsOf(inCluster("postgres"))) : { external: true };
  const redisPod = inCluster("redis") ? net.pod(podLabelsOf(inCluster("redis"))) : { external: true };
  const external = { external: true };
  const backendsList = ["ingest-service", "scoring-service", "notify-service"];
  const flows = [
    ["ingress controller -> gateway:8080", ingressController, podOf("gateway"), 8080, "TCP", true],
    ["other pod -> gateway:8080", otherPod, podOf("gateway"), 8080, "TCP", false],
    ["gateway -> redis:6379", podOf("gateway"), redisPod, 6379, "TCP", true],
    ["gateway -> kafka:9092", podOf("gateway"), kafkaPod, 9092, "TCP", false],
    ["gateway -> postgres:5432", podOf("gateway"), pgPod, 5432, "TCP", false],
    ["gateway -> internet:443", podOf("gateway"), external, 443, "TCP", false],
  ];
  for (const b of backendsList) {
    const p = SERVICES[b].port;
    flows.push([`gateway -> ${b}:${p}`, podOf("gateway"), podOf(b), p, "TCP", true]);
    flows.push([`ingress controller -> ${b}:${p}`, ingressController, podOf(b), p, "TCP", false]);
    flows.push([`other pod -> ${b}:${p}`, otherPod, podOf(b), p, "TCP", false]);
    flows.push([`${b} -> postgres:5432`, podOf(b), pgPod, 5432, "TCP", true]);
    flows.push([`${b} -> redis:6379`, podOf(b), redisPod, 6379, "TCP", true]);
    flows.push([`${b} -> kafka:9092`, podOf(b), kafkaPod, 9092, "TCP", true]);
    flows.push([`${b} -> internet:443`, podOf(b), external, 443, "TCP", false]);
    for (const other of backendsList.filter((x) => x !== b)) {
      flows.push([`${b} -> ${other}:${SERVICES[other].port}`, podOf(b), podOf(other), SERVICES[other].port, "TCP", false]);
    }
    flows.push([`${b} -> gateway:8080`, podOf(b), podOf("gateway"), 8080, "TCP", false]);
  }
  for (const s of Object.keys(SERVICES)) flows.push([`${s} -> kube-dns:53/UDP`, podOf(s), dns, 53, "UDP", true]);
  if (!pgPod.external) flows.push(["other pod -> postgres:5432", otherPod, pgPod, 5432, "TCP", false]);
  if (!redisPod.external) flows.push(["other pod -> redis:6379", otherPod, redisPod, 6379, "TCP", false]);
  for (const [label, src, dst, port, proto, want] of flows) {
    const got = net.allowed(src, dst, port, proto);
    check(scope, "NetworkPolicy", `${label} ${want ? "allowed" : "denied"}`, got === want ? [] : `is ${got ? "allowed" : "denied"}`);
  }
}

// ---------------------------------------------------------------------------------------------
// kustomizations: only what kubectl 1.20's kustomize v2.0.3 understands

function checkKustomizations() {
  const dir = path.join(root, "k8s");
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === "node_modules") continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^kustomization\.ya?ml$/.test(e.name)) files.push(p);
    }
  };
  walk(dir);
  for (const f of files) {
    const k = yaml.load(fs.readFileSync(f, "utf8")) || {};
    const d = path.dirname(f);
    const problems = Object.keys(k).filter((x) => !KUSTOMIZE_V2_FIELDS.has(x)).map((x) => `field ${x} is unknown to kustomize v2.0.3`);
    for (const r of k.resources || []) {
      const p = path.resolve(d, r);
      if (!fs.existsSync(p)) problems.push(`resource ${r} does not exist`);
      else if (fs.statSync(p).isDirectory()) problems.push(`resource ${r} is a directory (use bases:)`);
    }
    for (const b of k.bases || []) if (!fs.existsSync(path.resolve(d, b))) problems.push(`base ${b} does not exist`);
    for (const p of k.patchesStrategicMerge || []) if (typeof p !== "string" || !fs.existsSync(path.resolve(d, p))) problems.push(`patch ${JSON.stringify(p)} is not a file`);
    for (const g of [...(k.configMapGenerator || []), ...(k.secretGenerator || [])]) {
      for (const x of Object.keys(g)) if (!KUSTOMIZE_V2_GENERATOR_FIELDS.has(x)) problems.push(`generator ${g.name}: field ${x} is unknown to kustomize v2.0.3`);
    }
    check("all", path.relative(root, f), "kustomize v2.0.3 subset (kubectl 1.20)", problems);
  }
}

// ---------------------------------------------------------------------------------------------

console.log(`schemas: kubernetes-models ${pkgVersion("kubernetes-models")}, @kubernetes-models/keda ${pkgVersion("@kubernetes-models/keda")}, ` +
  `@kubernetes-models/strimzi-kafka-operator ${pkgVersion("@kubernetes-models/strimzi-kafka-operator")} (Strimzi 0.49.0/1.0.0 CRDs), ` +
  `@kubernetes-models/validate ${pkgVersion("@kubernetes-models/validate")}, typescript ${ts.version}`);
checkKustomizations();
for (const r of renderings) await checkRendering(r);
if (summaryFile) fs.writeFileSync(summaryFile, `${passed} ${failed}\n`);
console.log(`validate.mjs finished: ${passed} ok, ${failed} FAIL`);
process.exit(failed ? 1 : 0);
