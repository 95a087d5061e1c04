/* SPDX-License-Identifier: Apache-2.0 */
/* The simulator's state file: spec, parser (every refusal), formatter, and the migsim_* API. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sim_fault.h"
#include "sim_file.h"
#include "sim_tally.h"
#include "test_sim_helpers.h"

static void test_sim_state__spec(void **state)
{
	sim_state st;

	(void)state;
	assert_int_equal(sim_state_from_spec(&st, " 2xh100-80gb , a100, rtx-pro-6000"), 0);
	assert_int_equal(st.gpu_count, 4);
	assert_string_equal(st.gpus[1].model->key, "h100-sxm5-80gb");
	assert_string_equal(st.gpus[2].model->key, "a100-80gb");
	assert_string_equal(st.gpus[3].model->key, "rtx-pro-6000-blackwell");
	assert_int_equal(st.gpus[3].pci_bus, 0x13);
	assert_string_not_equal(st.gpus[0].uuid, st.gpus[1].uuid);
	sim_state_release(&st);
	assert_int_equal(sim_state_from_spec(&st, "a100,,h100"), MIG_EINVALID);
	assert_int_equal(sim_state_from_spec(&st, ""), MIG_EINVALID);
	assert_int_equal(sim_state_from_spec(&st, "0xa100"), MIG_EINVALID);
	assert_int_equal(sim_state_from_spec(&st, "2xk80"), MIG_ENOTFOUND);
	assert_non_null(strstr(mig_error_last()->message, "k80"));
	assert_int_equal(sim_state_from_spec(&st, "64xa30,a30"), MIG_EINVALID);
}

/* A state with instances, processes, faults and counters survives format + parse unchanged. */
static void test_sim_state__round_trip(void **state)
{
	sim_state st, back;
	sim_gi *gi;
	char *a, *b;

	(void)state;
	assert_int_equal(sim_state_from_spec(&st, "h100-80gb,a30"), 0);
	st.gpus[0].mig_current = st.gpus[0].mig_pending = 1;
	gi = sim_gpu_add_gi(&st, &st.gpus[0], mig_catalog_profile_by_id(st.gpus[0].model, 9), 4);
	assert_non_null(gi);
	assert_non_null(
		sim_gi_add_ci(&st, gi, sim_ci_profile(sim_gi_profile(&st.gpus[0], gi), 0), 1));
	st.gpus[0].procs = calloc(1, sizeof(sim_process));
	st.gpus[0].procs[0] = (sim_process){4242, 100, (int)gi->id, 0};
	st.gpus[0].proc_count = 1;
	st.gpus[1].mig_pending = 1;
	assert_int_equal(sim_faults_parse(&st.faults, &st.fault_count, "lost:1:5,x:2:IN_USE:3"), 0);
	assert_int_equal(sim_counters_bump(&st.calls, "nvmlInit_v2"), 0);
	a = sim_state_format(&st);
	assert_non_null(a);
	assert_int_equal(sim_state_parse(&back, a, strlen(a)), 0);
	b = sim_state_format(&back);
	assert_string_equal(a, b);
	assert_int_equal(back.gpus[0].gi[0].ci[0].start, 1);
	assert_int_equal(back.fault_count, 2);
	assert_int_equal(sim_counters_get(&back.calls, "nvmlInit_v2"), 1);
	free(a);
	free(b);
	sim_state_release(&st);
	sim_state_release(&back);
}

#define GPU0 "{\"migsim\": 1, \"next_serial\": 10, \"gpus\": [{\"model\": \"a100-80gb\""

static const struct {
	const char *text;
	const char *message;
} bad_states[] = {
	{"[]", "must be a JSON object"},
	{"{\"gpus\": []}", "missing field 'migsim'"},
	{"{\"migsim\": 2, \"gpus\": []}", "format 2"},
	{"{\"migsim\": 1, \"gpus\": [], \"colour\": 1}", "unknown field 'colour'"},
	{"{\"migsim\": 1, \"gpus\": []}", "1 to 64 GPUs"},
	{"{\"migsim\": 1, \"gpus\": [{\"model\": \"k80\"}]}", "unknown GPU model 'k80'"},
	{"{\"migsim\": 1, \"gpus\": [{}]}", "gpus[0]: missing field 'model'"},
	{GPU0 ", \"uuid\": \"GPU-1\"}]}", "not GPU- and a UUID"},
	{GPU0 ", \"pci_bus_id\": \"zz\"}]}", "bad pci_bus_id 'zz'"},
	{GPU0 ", \"mig\": {\"current\": 2}}]}", "'current' is 2"},
	{GPU0 ", \"utilization\": {\"gpu\": 101}}]}", "'gpu' is 101"},
	{GPU0 ", \"lost\": 1}]}", "'lost' must be true or false"},
	{GPU0 ", \"mig\": {\"current\": 1}, \"gpu_instances\": [{\"id\": 1, \"profile_id\": 99, "
	      "\"start\": 0, \"serial\": 1}]}]}",
	 "has no profile id 99"},
	{GPU0 ", \"gpu_instances\": [{\"id\": 1, \"profile_id\": 9, \"start\": 0, \"serial\": "
	      "1}]}]}",
	 "while MIG mode is disabled"},
	{GPU0 ", \"mig\": {\"current\": 1}, \"gpu_instances\": [{\"id\": 1, \"profile_id\": 9, "
	      "\"start\": 0, \"serial\": 1}, {\"id\": 3, \"profile_id\": 14, \"start\": 2, "
	      "\"serial\": 2}]}]}",
	 "break the placement rules"},
	{GPU0 ", \"mig\": {\"current\": 1}, \"gpu_instances\": [{\"id\": 1, \"profile_id\": 9, "
	      "\"start\": 0, \"serial\": 1}, {\"id\": 1, \"profile_id\": 9, \"start\": 4, "
	      "\"serial\": 2}]}]}",
	 "id 1 is used twice"},
	{GPU0 ", \"mig\": {\"current\": 1}, \"gpu_instances\": [{\"id\": 15, \"profile_id\": 9, "
	      "\"start\": 0, \"serial\": 1}]}]}",
	 "'id' is 15"},
	{GPU0 ", \"mig\": {\"current\": 1}, \"gpu_instances\": [{\"id\": 1, \"profile_id\": 9, "
	      "\"start\": 0, \"serial\": 1, \"compute_instances\": [{\"id\": 0, \"profile\": 4, "
	      "\"start\": 0, \"serial\": 2}]}]}]}",
	 "offers no compute profile 4"},
	{GPU0 ", \"mig\": {\"current\": 1}, \"gpu_instances\": [{\"id\": 1, \"profile_id\": 9, "
	      "\"start\": 0, \"serial\": 1, \"compute_instances\": [{\"id\": 0, \"profile\": 2, "
	      "\"start\": 0, \"serial\": 2}, {\"id\": 1, \"profile\": 0, \"start\": 1, "
	      "\"serial\": 3}]}]}]}",
	 "overlaps another"},
	{GPU0 ", \"mig\": {\"current\": 1}, \"gpu_instances\": [{\"id\": 1, \"profile_id\": 9, "
	      "\"start\": 0, \"serial\": 1, \"compute_instances\": [{\"id\": 0, \"profile\": 0, "
	      "\"start\": 5, \"serial\": 2}]}]}]}",
	 "5 is not a placement"},
	{GPU0 ", \"mig\": {\"current\": 1}, \"gpu_instances\": [{\"id\": 1, \"profile_id\": 9, "
	      "\"start\": 0, \"serial\": 10}]}]}",
	 "not below next_serial"},
	{GPU0 ", \"mig\": {\"current\": 1}, \"gpu_instances\": [{\"id\": 1, \"profile_id\": 9, "
	      "\"start\": 0, \"serial\": 3, \"compute_instances\": [{\"id\": 0, \"profile\": 2, "
	      "\"start\": 0, \"serial\": 3}]}]}]}",
	 "used twice"},
	{GPU0 ", \"processes\": [{\"pid\": 0}]}]}", "pid 0"},
	{GPU0 ", \"processes\": [{\"pid\": 5, \"gpu_instance\": 1, \"compute_instance\": 0}]}]}",
	 "MIG is disabled"},
	{GPU0 ", \"mig\": {\"current\": 1}, \"processes\": [{\"pid\": 5}]}]}",
	 "no compute instance"},
	{GPU0 ", \"processes\": [{\"pid\": 5, \"used_mib\": 90000}]}]}", "more memory"},
	{GPU0 "}], \"faults\": [{\"nth\": 1, \"code\": \"BOGUS\"}]}", "'code' must name"},
	{GPU0 "}], \"faults\": [{\"nth\": 0, \"code\": 23}]}", "counts from 1"},
	{GPU0 "}], \"calls\": {\"x\": -1}}", "'x' must be a count"},
	{GPU0 "}], \"calls\": []}", "'calls' must be an object"},
	{"{\"migsim\": 1, \"migsim\": 1}", "duplicate"},
	{"{\"migsim\": 1,\n \"gpus\": [", "line 2"},
};

static void test_sim_state__parser_refuses(void **state)
{
	sim_state st;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad_states) / sizeof(bad_states[0]); i++) {
		int rc = sim_state_parse(&st, bad_states[i].text, strlen(bad_states[i].text));

		if (rc != MIG_EINVALID ||
		    !strstr(mig_error_last()->message, bad_states[i].message)) {
			print_error("case %zu: rc %d, message '%s', wanted '%s'\n", i, rc,
				    mig_error_last()->message, bad_states[i].message);
			fail();
		}
	}
}

static void test_sim_state__parser_defaults(void **state)
{
	static const char text[] = "{\"migsim\": 1, \"gpus\": [{\"model\": \"H100-80GB\"}]}";
	sim_state st;

	(void)state;
	assert_int_equal(sim_state_parse(&st, text, strlen(text)), 0);
	assert_int_equal(st.gpu_count, 1);
	assert_string_equal(st.gpus[0].model->key, "h100-sxm5-80gb");
	assert_int_equal(st.gpus[0].pci_bus, 0x10);
	assert_int_equal(strlen(st.gpus[0].uuid), 40);
	assert_int_equal(st.next_serial, 1);
	assert_string_equal(st.driver_version, "570.124.06");
	sim_state_release(&st);
}

static void test_sim_state__admin_errors(void **state)
{
	char path[256], *text = NULL;

	(void)state;
	sim_prepare(NULL);
	assert_int_equal(migsim_show(&text, sim_fx.state), MIG_ENOTFOUND);
	assert_int_equal(migsim_reset(sim_fx.state, 0), MIG_ENOTFOUND);
	assert_int_equal(migsim_create(sim_fx.state, "a100-80gb", 0), 0);
	assert_int_equal(migsim_create(sim_fx.state, "a100-80gb", 0), MIG_EINVALID);
	assert_non_null(mig_error_last()->hint);
	assert_int_equal(migsim_create(sim_fx.state, "h100", 1), 0);
	assert_int_equal(migsim_create(sim_fx.state, "nope", 1), MIG_ENOTFOUND);
	assert_int_equal(migsim_reset(sim_fx.state, 3), MIG_ENOTFOUND);
	assert_int_equal(migsim_reset(sim_fx.state, -1), 0);
	assert_int_equal(migsim_attach(sim_fx.state, 0, 1, 0, 42, 1), MIG_EINVALID);
	assert_int_equal(migsim_attach(sim_fx.state, 5, -1, -1, 42, 1), MIG_ENOTFOUND);
	assert_int_equal(migsim_attach(sim_fx.state, 0, -1, -1, 0, 1), MIG_EINVALID);
	assert_int_equal(migsim_set_utilization(sim_fx.state, 0, 50, 50), 0);
	assert_int_equal(migsim_show(&text, sim_fx.state), 0);
	assert_non_null(strstr(text, "\"gpu\": 50"));
	free(text);
	assert_string_equal(migsim_state_path(path, sizeof(path)), sim_fx.state);
	assert_null(migsim_state_path(path, 4));
	unsetenv("MIGSIM_STATE");
	assert_non_null(migsim_state_path(path, sizeof(path)));
	assert_non_null(strstr(path, "/migsim-"));
	sim_remove_dir();
}

/* A tally counts by the name's address, finds names counted under another address, and merges
 * into the file's counters by name: new names appended, shared ones summed, totals added. */
static void test_sim_state__tally(void **state)
{
	static const char init[] = "nvmlInit_v2", count[] = "nvmlDeviceGetCount_v2";
	char count_copy[sizeof(count)];
	sim_counters c = {0};
	sim_tally t = {0};

	(void)state;
	memcpy(count_copy, count, sizeof(count));
	assert_int_equal(sim_tally_merge(&c, &t), 0);
	assert_int_equal(c.count, 0);
	assert_int_equal(sim_counters_bump(&c, init), 0);
	assert_int_equal(sim_counters_bump(&c, count), 0);
	assert_int_equal(sim_tally_bump(&t, count), 0);
	assert_int_equal(sim_tally_bump(&t, count), 0);
	assert_int_equal(sim_tally_bump(&t, count_copy), 0);
	assert_int_equal(sim_tally_bump(&t, "nvmlShutdown"), 0);
	assert_int_equal(t.total, 4);
	assert_int_equal(sim_tally_get(&t, count), 3);
	assert_int_equal(sim_tally_get(&t, init), 0);
	assert_int_equal(sim_tally_merge(&c, &t), 0);
	assert_int_equal(c.count, 3);
	assert_int_equal(c.total, 6);
	assert_int_equal(sim_counters_get(&c, init), 1);
	assert_int_equal(sim_counters_get(&c, count), 4);
	assert_int_equal(sim_counters_get(&c, "nvmlShutdown"), 1);
	sim_tally_release(&t);
	assert_int_equal(t.total, 0);
	assert_int_equal(t.count, 0);
	sim_counters_release(&c);
}

/* Enough distinct functions to make the tally grow past its first allocation. */
static void test_sim_state__tally_grows(void **state)
{
	static const char names[40][8] = {{0}};
	sim_tally t = {0};
	size_t i;

	(void)state;
	for (i = 0; i < 40; i++)
		assert_int_equal(sim_tally_bump(&t, names[i]), 0);
	assert_int_equal(t.count, 40);
	assert_int_equal(t.total, 40);
	assert_int_equal(sim_tally_get(&t, names[0]), 40); /* all named "" */
	sim_tally_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sim_state__spec),
		cmocka_unit_test(test_sim_state__round_trip),
		cmocka_unit_test(test_sim_state__parser_refuses),
		cmocka_unit_test(test_sim_state__parser_defaults),
		cmocka_unit_test(test_sim_state__admin_errors),
		cmocka_unit_test(test_sim_state__tally),
		cmocka_unit_test(test_sim_state__tally_grows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
