#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# migctl layouts: complete layouts of a GPU, and whether given profiles fit.
. "$(dirname "$0")/test-lib.sh"

count() {
	migctl layouts --gpu "$1" --count $2 >out &&
	test_grep ": $3 complete layouts, $4 distinct profile multisets" out
}

test_expect_success 'counts on the 8-slice GPUs match the reference' '
	for g in a100-40gb a100-80gb h100-80gb h100-pcie-80gb h100-nvl-94gb gh200-96gb \
		h200-141gb b200 gb200; do
		count $g --plain 19 14 && count $g "" 78 38 && count $g --with-me 239 64 || return 1
	done
'
test_expect_success 'A30 without +me: 5 layouts, 4 multisets' '
	count a30 --plain 5 4
'
test_expect_success 'RTX PRO 6000: 5 complete layouts' '
	count rtx-pro-6000 --plain 5 4
'
test_expect_success 'the A30 list matches the expected output' '
	migctl layouts --gpu a30 --plain >out &&
	test_cmp "$FIXTURES/expected/layouts-a30-plain.txt" out
'
test_expect_success 'json lists each layout with instances and map' '
	migctl layouts --gpu a100-80gb --json >out &&
	python3 -m json.tool out >/dev/null &&
	test_grep "\"layouts\": 78" out && test_grep "\"multisets\": 38" out &&
	test_grep "\"map\"" out && test_grep "\"start\"" out
'
test_expect_success 'the guide example 19,19,14,9 fits and is ordered largest first' '
	migctl layouts --gpu a100-80gb --profiles 19,19,14,9 >out &&
	test_grep "^fits on NVIDIA A100-SXM4-80GB" out &&
	test_grep "^  1\. 3g.40gb at " out &&
	test_grep "^same with nvidia-smi: nvidia-smi mig -cgi 9:" out
'
test_expect_success 'profiles given as words work like --profiles' '
	migctl layouts --gpu a100-80gb 3g.40gb 2g.20gb 2g.20gb >a &&
	migctl layouts --gpu a100-80gb --profiles 3g.40gb,2g.20gb,2g.20gb >b &&
	test_cmp a b
'
test_expect_success 'a request that cannot fit: reason on stderr, exit 4' '
	test_must_fail 4 migctl layouts --gpu a100-80gb --profiles 3g.40gb,3g.40gb,1g.10gb 2>err &&
	test_grep "^migctl: " err
'
test_expect_success 'json for a request that cannot fit says why' '
	test_must_fail 4 migctl layouts --gpu a100-80gb --json -p 4g.40gb,4g.40gb >out 2>err &&
	test_grep "\"fits\": false" out && test_grep "\"rule\": " out
'
test_expect_success 'unknown profile names the token, exit 2' '
	test_must_fail 2 migctl layouts --gpu a100-80gb -p 5g.40gb 2>err &&
	test_grep "5g.40gb" err
'
test_expect_success 'malformed spec names the token, exit 2' '
	test_must_fail 2 migctl layouts --gpu a100-80gb -p "3g.40gb@" 2>err &&
	test_grep "3g.40gb@" err
'
test_expect_success 'placement out of range, exit 2' '
	test_must_fail 2 migctl layouts --gpu a100-80gb -p 1g.10gb@9 2>err &&
	test_grep "out of range" err
'
test_done
