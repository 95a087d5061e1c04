#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The systemd target's units pass `systemd-analyze verify` (skipped where it is not installed):
# from the guide's plan (MIG, MPS), from a plan with whole GPUs, and from a machine's state.
. "$(dirname "$0")/test-lib.sh"

if ! command -v systemd-analyze >/dev/null 2>&1; then
	echo "ok 1 # skip systemd-analyze is not installed"
	test_done
fi

export MIGSIM_STATE="$TRASH/sim.json"
export MIGCTL_SIM=a100-80gb
cp "$FIXTURES/emit/plan-guide.json" plan.json

# verify checks that every ExecStart program exists (the units point at real programs) and,
# with man installed, that Documentation=man:migctl(1) is a page: the one in docs/
mkdir -p man/man1 && cp "$MIGCTL_SOURCE_DIR/docs/migctl.1" man/man1/
export MANPATH="$TRASH/man"
man_opt=
command -v man >/dev/null 2>&1 || man_opt=--man=no

verify() {
	systemd-analyze verify $man_opt "$1"/*.service >verify.out 2>&1
	rc=$?
	cat verify.out
	[ $rc -eq 0 ] && ! grep -q . verify.out
}

test_expect_success 'units of the guide plan verify' '
	migctl emit systemd --plan plan.json --migctl "$MIGCTL" --command "/bin/sleep 60" \
		--out plan >/dev/null &&
	test "$(ls plan/*.service | wc -l)" -eq 10 &&
	verify plan
'

for s in 3x7b 70b devtest small-models; do
	test_expect_success "units of scenario $s verify" "
		migctl emit systemd --plan '$FIXTURES/emit/plan-$s.json' --migctl '$MIGCTL' \\
			--command '/bin/sleep 60' --out $s >/dev/null &&
		verify $s
	"
done

test_expect_success 'units with a command that is not absolute verify (through env)' '
	migctl emit systemd --plan plan.json --migctl "$MIGCTL" --command "sleep 60 {name}" \
		--out rel >/dev/null &&
	test_grep "^ExecStart=/usr/bin/env sleep 60 e5-small$" rel/migctl-e5-small.service &&
	verify rel
'

test_expect_success 'units of a machine state verify' '
	migctl mode on >/dev/null && migctl sim reset >/dev/null &&
	migctl create 3g.40gb 2g.20gb 1g.10gb >/dev/null &&
	migctl emit systemd --from-state --node box --migctl "$MIGCTL" --out state >/dev/null &&
	test "$(ls state/*.service | wc -l)" -eq 4 &&
	verify state
'

test_done
