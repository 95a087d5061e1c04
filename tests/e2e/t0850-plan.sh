#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# migctl plan on the MIG guide's scenarios (tests/fixtures/plan/guide-*.yaml) with the answers
# the planner must give, the JSON and the layout file (checked offline by apply --dry-run),
# and bad input: a file error names FILE:LINE:COLUMN (exit 3), a fleet too small says what is
# missing (exit 4).
. "$(dirname "$0")/test-lib.sh"

P="$FIXTURES/plan"

test_expect_success '7 small models: one A100-80GB at $3/hr, 7x less than a GPU each' '
	migctl plan "$P/guide-small-models.yaml" >out &&
	test_grep "7 workloads on 1 GPU, \$3.00/hr" out &&
	test_grep "solver cbc: optimal, gap 0.00%" out &&
	test_grep "one GPU per model  *7  *21.00  *7.00x" out
'
test_expect_success '3 x 7B FP16: one GPU is the minimum, and the report says why' '
	migctl plan "$P/guide-3x7b.yaml" >out &&
	test_grep "3 workloads on 1 GPU, \$3.00/hr" out &&
	test_grep "one GPU per model  *3  *9.00  *3.00x" out &&
	test_grep "weights 13.0 GiB + KV cache 2.1 GiB + overhead 1.8 GiB = 16.9 GiB" out &&
	test_grep "3 instances need 16.9 GiB or more, and one GPU holds at most 4 that large" out
'
test_expect_success '70B FP16: not servable by MIG, tensor parallel over 2 GPUs' '
	migctl plan "$P/guide-70b.yaml" >out &&
	test_grep "1 workload on 2 GPUs, \$6.00/hr" out &&
	test_grep "llama-70b: not servable by MIG: needs 148.2 GiB per replica" out &&
	test_grep "MIG instances cannot be joined" out &&
	test_grep "tensor parallel over 2 whole a100-80gb GPUs" out
'
test_expect_success 'dev/test team: one shared GPU, CI jobs through MPS' '
	migctl plan "$P/guide-devtest.yaml" >out &&
	test_grep "8 workloads on 1 GPU, \$3.00/hr" out &&
	test_grep "ci-lint .* (MPS)" out &&
	test_grep "more GPUs than the fleet has" out
'
test_expect_success 'the enum solver gives the same answers' '
	for s in small-models 3x7b 70b devtest; do
		migctl plan --solver enum "$P/guide-$s.yaml" >enum.txt &&
		migctl plan "$P/guide-$s.yaml" >cbc.txt &&
		head -1 enum.txt >a && head -1 cbc.txt >b && test_cmp b a || return 1
	done
'
test_expect_success '--json: the plan as JSON' '
	migctl --json plan "$P/guide-3x7b.yaml" >plan.json &&
	python3 -c "
import json, sys
p = json.load(open(\"plan.json\"))
s = p[\"summary\"]
assert s[\"gpus\"] == 1 and s[\"optimal\"] and s[\"gap\"] == 0, s
assert abs(s[\"cost_per_hour\"] - 3.0) < 1e-9, s
assert len(p[\"workloads\"]) == 3 and len(p[\"gpus\"]) == 1
assert all(len(w[\"replicas\"]) == 1 for w in p[\"workloads\"])
"
'
test_expect_success 'the layout file passes apply --dry-run for its node' '
	migctl plan --layouts-out layouts.yaml "$P/guide-devtest.yaml" >/dev/null &&
	test_grep "^  devbox-0:" layouts.yaml &&
	migctl apply --dry-run --gpu a100-80gb -f layouts.yaml -c devbox-0 >out &&
	test_grep "is valid" out
'
test_expect_success 'bad files: FILE:LINE:COLUMN and exit 3' '
	test_must_fail 3 migctl plan "$P/bad-unknown-gpu.yaml" 2>err &&
	test_grep "bad-unknown-gpu.yaml:2:10: unknown GPU .a100-90gb." err &&
	test_must_fail 3 migctl plan "$P/bad-negative-size.yaml" 2>err &&
	test_grep "bad-negative-size.yaml:5:14: negative size .-4GB." err
'
test_expect_success 'an impossible throughput names the workload and the limit' '
	migctl plan "$P/bad-throughput.yaml" 2>err; rc=$? &&
	{ [ $rc -eq 2 ] || [ $rc -eq 3 ]; } &&
	test_grep "bad-throughput.yaml:5:5: workload .llama-7b.: a throughput of 100000" err &&
	test_grep "more than max_replicas 64" err
'
test_expect_success 'a fleet too small says what is missing (exit 4)' '
	test_must_fail 4 migctl plan "$P/bad-small-fleet.yaml" 2>err &&
	test_grep "the fleet is too small: needs 2 more a100-80gb (has 1) or 2 more h100-80gb" err
'
test_done
