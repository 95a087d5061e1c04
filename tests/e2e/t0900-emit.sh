#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# migctl emit from a plan: every target against its golden file for each scenario (plans the
# planner made: plan-guide.json from workloads.yaml beside it, for the guide
# docs/guide-models-to-services.md; the others from the planner's guide scenarios in
# tests/fixtures/plan/), YAML and JSON read back, --out, and the usage errors with exit codes.
. "$(dirname "$0")/test-lib.sh"

E="$FIXTURES/emit"

for s in guide 3x7b 70b devtest small-models; do
	for t in docker compose k8s systemd; do
		test_expect_success "scenario $s: emit $t matches its golden file" "
			cp '$E/plan-$s.json' plan.json &&
			migctl emit $t --plan plan.json >out &&
			test_cmp '$E/$s-$t.txt' out
		"
	done
done
cp "$E/plan-guide.json" plan.json

test_expect_success 'whole GPUs under the single strategy: the same objects' '
	migctl emit k8s --plan "$E/plan-70b.json" --strategy single >out &&
	test_cmp "$E/70b-k8s.txt" out
'

test_expect_success 'output is the same on every run' '
	migctl emit k8s --plan plan.json >a && migctl emit k8s --plan plan.json >b &&
	test_cmp a b
'

have_pyyaml() {
	python3 -c "import yaml" 2>/dev/null
}

test_expect_success 'k8s and compose YAML read back (PyYAML, when installed)' '
	if have_pyyaml; then
		migctl emit k8s --plan plan.json >k8s.yaml &&
		migctl emit compose --plan plan.json >compose.yaml &&
		python3 -c "
import yaml, sys
docs = list(yaml.safe_load_all(open(\"k8s.yaml\")))
kinds = [d[\"kind\"] for d in docs]
assert kinds == [\"ConfigMap\", \"Node\"] + [\"Deployment\"] * 5, kinds
cfg = yaml.safe_load(docs[0][\"data\"][\"config.yaml\"])
assert list(cfg[\"mig-configs\"]) == [\"gpu-node-0\"], cfg
dep = {d[\"metadata\"][\"name\"]: d for d in docs[2:]}
assert dep[\"bert-large\"][\"spec\"][\"replicas\"] == 3
lim = dep[\"llama-3-8b\"][\"spec\"][\"template\"][\"spec\"][\"containers\"][0][\"resources\"][\"limits\"]
assert lim == {\"nvidia.com/mig-3g.40gb\": 1}, lim
c = yaml.safe_load(open(\"compose.yaml\"))
assert sorted(c[\"services\"]) == sorted([\"llama-3-8b-0\", \"llama-3-8b-1\", \"mistral-7b\",
    \"bert-large-0\", \"bert-large-1\", \"bert-large-2\", \"whisper-small\", \"e5-small\"])
"
	fi
'

test_expect_success '--json lists the files with their content' '
	migctl --json emit systemd --plan plan.json >out.json &&
	python3 -c "
import json
o = json.load(open(\"out.json\"))
assert o[\"target\"] == \"systemd\"
names = [f[\"name\"] for f in o[\"files\"]]
assert names[:2] == [\"migctl-layouts.yaml\", \"migctl-layout.service\"], names
assert all(f[\"mode\"] == 420 for f in o[\"files\"])
"
'

test_expect_success '--out writes one file per object, scripts executable' '
	migctl emit k8s --plan plan.json --out k8s >list &&
	test_line_count 7 list && test_grep "^k8s/deployment-bert-large.yaml$" list &&
	test -f k8s/configmap-migctl-mig-config.yaml && test -f k8s/node-gpu-node-0.yaml &&
	migctl emit docker --plan plan.json -o d >/dev/null && test -x d/run.sh &&
	sh -n d/run.sh
'

test_expect_success '--node picks a node; an unknown one is named' '
	migctl emit docker --plan plan.json --node gpu-node-0 >out &&
	test_cmp "$E/guide-docker.txt" out &&
	test_must_fail 2 migctl emit docker --plan plan.json --node nope 2>err &&
	test_grep "has no node .nope." err && test_grep "hint: nodes: gpu-node-0" err
'

test_expect_success 'usage errors exit 2 before reading anything' '
	test_must_fail 2 migctl emit k8s 2>err && test_grep "needs --plan FILE or --from-state" err &&
	test_must_fail 2 migctl emit k8s --plan plan.json --from-state 2>err &&
	test_must_fail 2 migctl emit podman --plan plan.json 2>err &&
	test_grep "unknown target .podman." err &&
	test_must_fail 2 migctl emit k8s --plan plan.json --strategy both 2>err &&
	test_grep "unknown strategy .both." err &&
	test_must_fail 2 migctl emit docker --from-state --uuids 2>err &&
	test_must_fail 2 migctl emit 2>err
'

test_expect_success 'the single strategy needs uniform nodes: exit 2, the way out named' '
	test_must_fail 2 migctl emit k8s --plan plan.json --strategy single 2>err &&
	test_grep "node gpu-node-0: the single strategy needs" err &&
	test_grep "hint: use --strategy mixed" err
'

test_expect_success 'a bad plan file exits 3 and names the problem' '
	printf "{\"gpus\": [" >bad.json &&
	test_must_fail 3 migctl emit docker --plan bad.json 2>err && test_grep "bad.json:1:" err &&
	sed "s/\"3g.40gb\"/\"5g.40gb\"/" plan.json >bad.json &&
	test_must_fail 3 migctl emit docker --plan bad.json 2>err &&
	test_grep "unknown profile .5g.40gb." err &&
	test_must_fail 2 migctl emit docker --plan missing.json 2>err && test_grep "missing.json" err
'

test_expect_success 'help lists the targets' '
	migctl emit --help >out && test_grep "docker   run.sh" out && test_grep "strategy S" out
'

test_done
