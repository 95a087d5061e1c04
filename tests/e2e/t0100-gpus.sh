#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# migctl gpus: the catalog.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'every catalog GPU is listed' '
	migctl gpus >out &&
	for k in a100-40gb a100-80gb a30-24gb h100-sxm5-80gb h100-pcie-80gb h100-nvl-94gb \
		gh200-96gb gh200-144gb h200-141gb h200-nvl-141gb b200-180gb gb200-186gb \
		rtx-pro-6000-blackwell; do
		test_grep "^$k " out || return 1
	done
'
test_expect_success 'text output matches the expected table' '
	migctl gpus >out && test_cmp "$FIXTURES/expected/gpus.txt" out
'
test_expect_success 'unconfirmed values are marked and explained' '
	migctl gpus >out && test_grep "\*" out && test_grep "^\* unconfirmed" out
'
test_expect_success 'json: an array of 13 GPUs with keys, names and slices' '
	migctl gpus --json >out &&
	test "$(grep -c "\"key\":" out)" -eq 13 &&
	test_grep "\"nvml_name\": \"NVIDIA A100-SXM4-80GB\"" out &&
	test_grep "\"memory_slices\": 12" out
'
test_expect_success 'json output is valid JSON' '
	migctl gpus --json >out && python3 -m json.tool out >/dev/null
'
test_done
