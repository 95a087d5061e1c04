/* SPDX-License-Identifier: Apache-2.0 */
/* migctl layouts: every complete layout of a GPU, or whether and how given profiles fit. */
#include "cli.h"

#include <stdio.h>

#include "exit.h"
#include "fit_report.h"
#include "opt.h"
#include "output.h"
#include "render.h"
#include "migctl/geometry.h"
#include "banned.h"

static struct {
	int count;
	int plain;
	int with_me;
	int all_variants;
	const char *profiles;
} opt;

static const struct cli_opt layouts_opts[] = {
	CLI_OPT_STRING('p', "profiles", &opt.profiles, "LIST",
		       "instead: whether and how these profiles fit (3g.40gb,2g.20gb@0,...)"),
	CLI_OPT_FLAG('c', "count", &opt.count, "print only the numbers of layouts and multisets"),
	CLI_OPT_FLAG(0, "plain", &opt.plain, "leave out the 1-compute, 2-memory-slice profile"),
	CLI_OPT_FLAG(0, "with-me", &opt.with_me, "include the media-extension (+me) profiles"),
	CLI_OPT_FLAG(0, "all-variants", &opt.all_variants,
		     "include every variant (+me, +me.all, -me, +gfx)"),
	CLI_OPT_END
};

static const struct cli_cmd_spec layouts_spec = {
	"layouts", "[SPEC...]",
	"Show every complete layout of a GPU (--gpu KEY): every set of GPU instances, with their\n"
	"placements, to which no further instance can be added. By default the plain profiles and\n"
	"the 1-compute/2-memory-slice profile are used. With --profiles (or SPECs), say whether and\n"
	"how those instances fit, and in which order to create them.",
	layouts_opts, 0, -1, 0
};

static unsigned enum_flags(void)
{
	if (opt.all_variants)
		return MIG_ENUM_ALL;
	return (opt.plain ? 0u : (unsigned)MIG_ENUM_WIDE) | (opt.with_me ? (unsigned)MIG_ENUM_ME : 0u);
}

static const char *flags_text(unsigned flags)
{
	if (flags == MIG_ENUM_ALL)
		return "all profiles";
	if (flags == (MIG_ENUM_WIDE | MIG_ENUM_ME))
		return "plain, 2-memory-slice 1g and +me profiles";
	if (flags == MIG_ENUM_WIDE)
		return "plain and 2-memory-slice 1g profiles";
	if (flags == MIG_ENUM_ME)
		return "plain and +me profiles";
	return "plain profiles";
}

static int print_json(const mig_gpu *gpu, const mig_layout_list *list, unsigned flags, FILE *out)
{
	json_t *o = json_pack("{s:s, s:s, s:i, s:i}", "gpu", gpu->key, "profiles",
			      flags_text(flags), "layouts", (int)list->count, "multisets",
			      (int)mig_layout_list_multisets(list));
	json_t *a = opt.count ? NULL : json_array();
	size_t i;

	for (i = 0; a && i < list->count; i++)
		json_array_append_new(a, cli_json_layout(&list->items[i]));
	if (o && a)
		json_object_set_new(o, "items", a);
	else
		json_decref(a);
	return cli_json_print(o, out);
}

static int print_text(const mig_gpu *gpu, const mig_layout_list *list, unsigned flags, FILE *out)
{
	static const char *const headers[] = { "#", "MAP", "INSTANCES", NULL };
	struct cli_table *t;
	size_t i;

	fprintf(out, "%s (%s): %zu complete layouts, %zu distinct profile multisets (%s)\n",
		gpu->nvml_name, gpu->key, list->count, mig_layout_list_multisets(list),
		flags_text(flags));
	if (opt.count)
		return CLI_EXIT_OK;
	t = cli_table_new(headers);
	for (i = 0; t && i < list->count; i++) {
		char num[24], map[256], text[512];
		const char *cells[3];

		snprintf(num, sizeof(num), "%zu", i + 1);
		mig_layout_draw(map, sizeof(map), &list->items[i]);
		cells[0] = num, cells[1] = map;
		cells[2] = cli_layout_text(&list->items[i], text, sizeof(text));
		if (cli_table_add(t, cells, 3) < 0)
			break;
	}
	if (!t || i < list->count) {
		cli_table_free(t);
		return cli_fail(CLI_EXIT_FAILED, "out of memory");
	}
	fputc('\n', out);
	cli_table_print(t, out);
	cli_table_free(t);
	return CLI_EXIT_OK;
}

int cmd_layouts(int argc, char **argv, struct cli_ctx *ctx)
{
	const mig_gpu *gpu;
	mig_layout_list *list = NULL;
	unsigned flags;
	int npos, rc = cli_opt_parse(&layouts_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	gpu = cli_offline_gpu(ctx->gpu, "layouts", &rc);
	if (!gpu)
		return rc;
	if (opt.profiles || npos > 0) {
		/* --profiles and its value took at least one argv slot after the
		 * positional words, so the list fits there as one more word. */
		if (opt.profiles)
			argv[npos++ + 1] = (char *)opt.profiles;
		return cli_fit_report(gpu, (const char *const *)argv + 1, (size_t)npos, ctx);
	}
	flags = enum_flags();
	rc = mig_geometry_enumerate(&list, gpu, flags);
	if (rc < 0)
		return cli_report_error(rc);
	rc = ctx->json ? print_json(gpu, list, flags, ctx->out) : print_text(gpu, list, flags, ctx->out);
	mig_layout_list_free(list);
	return rc;
}
