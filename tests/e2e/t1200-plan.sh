#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# migctl plan: the MIG guide's scenarios with their answers, the outputs, and bad input.
. "$(dirname "$0")/test-lib.sh"

P="$FIXTURES/plan"

test_expect_success '7 small models on A100-80GB: 1 GPU instead of 7 (7x saving)' '
	migctl plan "$P/guide-small-models.yaml" >out &&
	test_grep "7 workloads on 1 GPU, \$3.00/hr" out &&
	test_grep "one GPU per model  *7  *21.00  *7.00x" out &&
	test_grep "optimal, gap 0.00%" out
'
test_expect_success '3 x 7B FP16: one GPU, and the report says why not fewer' '
	migctl plan "$P/guide-3x7b.yaml" >out &&
	test_grep "3 workloads on 1 GPU" out && test_grep "why no plan is cheaper" out
'
test_expect_success '70B FP16: MIG cannot serve it; whole GPUs in tensor parallel' '
	migctl plan "$P/guide-70b.yaml" >out &&
	test_grep "MIG off" out && test_grep "not servable by MIG" out &&
	test_grep "tensor parallel over 2 whole a100-80gb GPUs" out
'
test_expect_success 'a dev/test team shares one GPU (MPS for the small CI jobs)' '
	migctl plan "$P/guide-devtest.yaml" >out &&
	test_grep "8 workloads on 1 GPU" out && test_grep "ci-lint+ci-smoke+ci-eval" out
'
test_expect_success '--json is the plan; --layouts-out is a file apply accepts' '
	migctl plan "$P/guide-small-models.yaml" --json --layouts-out layouts.yaml >plan.json &&
	python3 -m json.tool plan.json >/dev/null &&
	config=$(sed -n "s/^  \([^ :]*\):$/\1/p" layouts.yaml | head -n 1) &&
	test -n "$config" &&
	migctl apply -f layouts.yaml -c "$config" --dry-run --gpu a100-80gb >out 2>&1
'
test_expect_success 'the exhaustive solver gives the same GPUs' '
	migctl plan "$P/guide-3x7b.yaml" --solver enum >out && test_grep "on 1 GPU" out
'
test_expect_success 'bad input: file:line:column and exit 3' '
	test_must_fail 3 migctl plan "$P/bad-negative-size.yaml" 2>err &&
	test_grep "bad-negative-size.yaml:[0-9]*:[0-9]*: negative size" err &&
	test_must_fail 3 migctl plan "$P/bad-unknown-gpu.yaml" 2>err && test_grep "unknown GPU" err &&
	test_must_fail 3 migctl plan "$P/bad-throughput.yaml" 2>err && test_grep "throughput" err
'
test_expect_success 'a fleet too small says what is missing, exit 4' '
	test_must_fail 4 migctl plan "$P/bad-small-fleet.yaml" 2>err &&
	test_grep "needs 2 more a100-80gb" err
'
test_expect_success 'usage errors, exit 2' '
	test_must_fail 2 migctl plan 2>err &&
	test_must_fail 2 migctl plan "$P/guide-3x7b.yaml" --time-limit -1 2>err &&
	test_grep "bad time limit" err &&
	test_must_fail 3 migctl plan no-such-file.yaml 2>err && test_grep "no-such-file.yaml" err
'
test_done
