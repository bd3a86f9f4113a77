// Checks every Kubernetes object under deploy/kubernetes against the Kubernetes API's schema (the kubernetes-models
// package's validators: types, required fields, enums, formats), as kubeconform would. Patches (the files a
// kustomization lists under patches, or the older patchesStrategicMerge) are partial objects and are checked once applied: deploy-test
// renders the podman-test overlay and reads it strictly (tests/HmisPlatform.DeployTest).
// Usage: node deploy/kubernetes/validate.mjs   (./platform.sh test runs it; exit 1 names every problem)
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const tools = resolve(process.env.HMIS_TOOLS ?? join(root, "../../.tools"));
const require = createRequire(join(tools, "package.json"));
const { parseAllDocuments } = require("yaml");

const files = [];
(function walk(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".yaml")) files.push(path);
  }
})(root);

const patches = new Set();
for (const file of files.filter((f) => f.endsWith("kustomization.yaml"))) {
  const kustomization = parseAllDocuments(readFileSync(file, "utf8"))[0].toJS();
  for (const patch of kustomization.patchesStrategicMerge ?? []) patches.add(resolve(dirname(file), patch));
  for (const patch of kustomization.patches ?? []) if (patch.path) patches.add(resolve(dirname(file), patch.path));
}

const problems = [];
let checked = 0;
for (const file of files.filter((f) => !f.endsWith("kustomization.yaml") && !patches.has(f))) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      problems.push(`${relative(root, file)}: ${document.errors[0].message}`);
      continue;
    }
    const object = document.toJS();
    if (object === null) continue;
    const where = `${relative(root, file)}: ${object.kind ?? "?"} ${object.metadata?.name ?? "?"}`;
    let model;
    try {
      const module = join(tools, "node_modules/kubernetes-models", object.apiVersion, `${object.kind}.js`);
      model = (await import(pathToFileURL(module).href))[object.kind];
    } catch {
      problems.push(`${where}: ${object.apiVersion} ${object.kind} is not a Kubernetes kind`);
      continue;
    }
    try {
      new model(object).validate();
      checked++;
    } catch (error) {
      problems.push(`${where}: ${error.message}`);
    }
  }
}
for (const problem of problems) console.error(problem);
console.log(`${checked} Kubernetes objects valid${problems.length ? `, ${problems.length} not` : ""}.`);
process.exit(problems.length ? 1 : 0);
