#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The command itself: help, version, unknown commands and options, global option placement.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'help lists the commands and exits 0' '
	migctl --help >out &&
	test_grep "^  gpus " out && test_grep "^  layouts " out && test_grep "exit codes" out
'
test_expect_success 'no command: usage on stderr, exit 2' '
	test_must_fail 2 migctl 2>err && test_grep "^usage: migctl" err
'
test_expect_success 'version' '
	migctl --version >out && test_grep "^migctl [0-9]*\.[0-9]*\.[0-9]*$" out
'
test_expect_success 'unknown command suggests the closest one' '
	test_must_fail 2 migctl layuots 2>err &&
	test_grep "unknown command .layuots., did you mean .layouts.?" err
'
test_expect_success 'unknown command far from any name' '
	test_must_fail 2 migctl frobnicate 2>err &&
	test_grep "unknown command .frobnicate." err
'
test_expect_success 'unknown global option' '
	test_must_fail 2 migctl --frob gpus 2>err && test_grep "unknown option .--frob." err
'
test_expect_success 'unknown subcommand option names the option and points to help' '
	test_must_fail 2 migctl gpus --frob 2>err &&
	test_grep "unknown option .--frob." err && test_grep "migctl gpus --help" err
'
test_expect_success 'option value missing' '
	test_must_fail 2 migctl layouts --gpu 2>err && test_grep "needs a value" err
'
test_expect_success 'subcommand help is generated from its option table' '
	migctl layouts --help >out &&
	test_grep "^usage: migctl layouts" out && test_grep "\-\-profiles LIST" out &&
	test_grep "\-\-count" out
'
test_expect_success 'too many arguments' '
	test_must_fail 2 migctl gpus extra 2>err && test_grep "takes no arguments" err
'
test_expect_success 'global options work after the subcommand too' '
	migctl profiles --gpu a100-80gb --json >a && migctl --json --gpu a100-80gb profiles >b &&
	test_cmp a b
'
test_expect_success 'stdout stays clean on errors' '
	test_must_fail 2 migctl profiles --gpu nope >out 2>err && test_line_count 0 out
'
test_done
