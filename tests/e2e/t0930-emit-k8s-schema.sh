#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The k8s target's objects validated against the Kubernetes OpenAPI schema, with the npm
# package kubernetes-models (its ajv validators are generated from that schema). Skipped when
# node or the package is missing: scripts/setup.sh installs it where npm is available, into
# ${MIGCTL_NODE_MODULES:-${XDG_CACHE_HOME:-$HOME/.cache}/migctl/node_modules}.
. "$(dirname "$0")/test-lib.sh"

modules=${MIGCTL_NODE_MODULES:-${XDG_CACHE_HOME:-$HOME/.cache}/migctl/node_modules}
if ! command -v node >/dev/null 2>&1 || [ ! -d "$modules/kubernetes-models" ] ||
	[ ! -d "$modules/js-yaml" ]; then
	echo "ok 1 # skip node or kubernetes-models is not installed (scripts/setup.sh)"
	test_done
fi
export NODE_PATH="$modules"

cat >validate.js <<'JS'
// Validate every document of a YAML stream; print "KIND NAME ok" or the schema error.
const fs = require("fs");
const yaml = require("js-yaml");
const classes = {
	"v1/ConfigMap": require("kubernetes-models/v1/ConfigMap").ConfigMap,
	"v1/Node": require("kubernetes-models/v1/Node").Node,
	"apps/v1/Deployment": require("kubernetes-models/apps/v1/Deployment").Deployment,
};
let bad = 0;
for (const doc of yaml.loadAll(fs.readFileSync(process.argv[2], "utf8"))) {
	const cls = classes[doc.apiVersion + "/" + doc.kind];
	try {
		if (!cls) throw new Error("unexpected kind " + doc.apiVersion + "/" + doc.kind);
		new cls(doc).validate();
		console.log(doc.kind, doc.metadata.name, "ok");
	} catch (e) {
		console.log(doc.kind, doc.metadata && doc.metadata.name, "INVALID:", e.message);
		bad++;
	}
}
process.exit(bad ? 1 : 0);
JS

cp "$FIXTURES/emit/plan-guide.json" plan.json

test_expect_success 'the validator rejects a broken Deployment (it really checks)' '
	sed "s/replicas: 3/replicas: three/" "$FIXTURES/emit/guide-k8s.txt" >broken.yaml &&
	! node validate.js broken.yaml >out && test_grep "INVALID" out
'

test_expect_success 'the guide plan (mixed strategy) is valid Kubernetes' '
	migctl emit k8s --plan plan.json --command "--port 8000" >k8s.yaml &&
	node validate.js k8s.yaml >out && test_line_count 7 out
'

for s in guide 3x7b 70b devtest small-models; do
	test_expect_success "scenario $s: the golden k8s objects are valid Kubernetes" "
		node validate.js '$FIXTURES/emit/$s-k8s.txt' >out && test_grep ' ok$' out &&
		! grep -q INVALID out
	"
done

test_expect_success 'a uniform plan under the single strategy is valid Kubernetes' '
	python3 -c "
import json
p = json.load(open(\"plan.json\"))
g = p[\"gpus\"][1]
g[\"instances\"] = [dict(profile=\"1g.10gb\", start=s) for s in range(7)]
p[\"gpus\"] = [g]
for w in p[\"workloads\"]:
    w[\"replicas\"] = [r for r in w[\"replicas\"] if r[\"gpu\"] == 1 and r[\"profile\"] == \"1g.10gb\"]
    w[\"profile\"] = \"1g.10gb\"
p[\"workloads\"] = [w for w in p[\"workloads\"] if w[\"replicas\"]]
json.dump(p, open(\"uniform.json\", \"w\"))
" &&
	migctl emit k8s --plan uniform.json --strategy single >single.yaml &&
	test_grep "nvidia.com/gpu.product: NVIDIA-A100-SXM4-80GB-MIG-1g.10gb" single.yaml &&
	node validate.js single.yaml >out
'

test_done
