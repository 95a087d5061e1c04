#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# migctl check: valid or the explanation.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'a valid pinned layout' '
	migctl check --gpu a100-80gb 3g.40gb@4 2g.20gb@0 2g.20gb@2 >out &&
	test_grep "^fits on" out
'
test_expect_success 'unpinned instances are placed' '
	migctl check --gpu h100-80gb 4g.40gb 3g.40gb >out &&
	test_grep "4g.40gb@0" out && test_grep "3g.40gb@4" out
'
test_expect_success 'overlap names both GIs and the slices, exit 4' '
	test_must_fail 4 migctl check --gpu a100-80gb 3g.40gb@0 4g.40gb@0 2>err &&
	test_grep "overlap" err && test_grep "3g.40gb" err && test_grep "4g.40gb" err
'
test_expect_success 'a placement the profile does not allow, exit 4' '
	test_must_fail 4 migctl check --gpu a100-80gb 3g.40gb@2 2>err &&
	test_grep "3g.40gb" err && test_grep "0, 4" err
'
test_expect_success 'the issue example 3g.40gb@0 4g.40gb cannot fit' '
	test_must_fail 4 migctl check --gpu a100-80gb 3g.40gb@0 4g.40gb 2>err &&
	test_grep "4g.40gb" err
'
test_expect_success 'max count exceeded, exit 4' '
	test_must_fail 4 migctl check --gpu a100-80gb 8x1g.10gb 2>err && test_grep "1g.10gb" err
'
test_expect_success 'two +me instances break the media-extension limit' '
	test_must_fail 4 migctl check --gpu a100-80gb 1g.10gb+me 1g.10gb+me 2>err &&
	test_grep "+me" err
'
test_expect_success 'json for a valid layout' '
	migctl check --json --gpu a30 2g.12gb 1g.6gb 1g.6gb >out &&
	test_grep "\"fits\": true" out && python3 -m json.tool out >/dev/null
'
test_expect_success 'no spec: usage error' '
	test_must_fail 2 migctl check --gpu a100-80gb 2>err && test_grep "takes" err
'
test_expect_success 'unknown GPU, exit 2' '
	test_must_fail 2 migctl check --gpu x100 1g.10gb 2>err && test_grep "unknown GPU .x100." err
'
test_expect_success 'profile ids and short names are accepted' '
	migctl check --gpu a100-80gb 9@4 14:0 2g >out && test_grep "^fits on" out
'
test_done
