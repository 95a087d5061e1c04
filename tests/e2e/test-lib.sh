# SPDX-License-Identifier: Apache-2.0
# A small test library in the style of git's t/test-lib.sh. A script sources it, then calls
#   test_expect_success 'what it checks' 'commands'
# and ends with test_done. Helpers: test_must_fail CODE CMD... (the exit code must be CODE),
# test_cmp EXPECTED ACTUAL, test_grep PATTERN FILE. Each script runs in a fresh folder.

: "${MIGCTL:?MIGCTL must point to the migctl binary (ctest sets it)}"
: "${MIGCTL_SOURCE_DIR:?MIGCTL_SOURCE_DIR must be set (ctest sets it)}"
FIXTURES="$MIGCTL_SOURCE_DIR/tests/fixtures"
TEST_NAME=$(basename "$0" .sh)
TRASH=$(mktemp -d "${TMPDIR:-/tmp}/migctl-$TEST_NAME.XXXXXX")
trap 'rm -rf "$TRASH"' EXIT
cd "$TRASH" || exit 1
unset MIGCTL_SIM MIGSIM_STATE MIGSIM_GPUS MIGSIM_FAULTS

test_count=0
test_failed=0

# a function, so "migctl ... &" backgrounds a subshell: use "$MIGCTL" when $! must be migctl
migctl() {
	"$MIGCTL" "$@"
}

test_expect_success() {
	test_count=$((test_count + 1))
	if (eval "$2") >"$TRASH/.out" 2>&1; then
		echo "ok $test_count - $1"
	else
		test_failed=$((test_failed + 1))
		echo "not ok $test_count - $1"
		sed 's/^/#   /' "$TRASH/.out"
	fi
}

# test_must_fail CODE CMD...: CMD must exit with exactly CODE (a documented exit code).
test_must_fail() {
	want=$1
	shift
	"$@"
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "test_must_fail: '$*' exited $got, expected $want" >&2
		return 1
	fi
	return 0
}

test_cmp() {
	diff -u "$1" "$2"
}

test_grep() {
	if ! grep -q -e "$1" "$2"; then
		echo "test_grep: '$1' not found in $2:" >&2
		cat "$2" >&2
		return 1
	fi
}

test_line_count() {
	n=$(wc -l <"$2" | tr -d ' ')
	if [ "$n" -ne "$1" ]; then
		echo "test_line_count: $2 has $n lines, expected $1" >&2
		return 1
	fi
}

test_done() {
	echo "# $((test_count - test_failed)) passed, $test_failed failed"
	[ "$test_failed" -eq 0 ]
	exit $?
}
