/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Whole-GPU peaks the planner's roofline starts from, keyed by catalog key: HBM (or GDDR)
 * bandwidth in GB/s and dense FP16/BF16 tensor TFLOPS (without sparsity). A calibration file
 * replaces any of them with a measurement (plan_calib.c).
 *
 * Sources, as collected in the project's reference/performance.md ("Whole-GPU peaks"): the
 * NVIDIA datasheets of each product. Where performance.md had no value (H200 NVL, GH200 144GB,
 * GB200, RTX PRO 6000 Blackwell) the figure is NVIDIA's datasheet value as noted beside it,
 * not checked against a second source.
 */
#include "plan_internal.h"

#include <string.h>

#include "banned.h"

static const mig_plan_gpu_perf perf_table[] = {
	/* NVIDIA A100 Tensor Core GPU datasheet, SXM4 40GB: 312 TFLOPS FP16, 1555 GB/s */
	{"a100-40gb", 1555, 312, "NVIDIA A100 datasheet (SXM4 40GB)"},
	/*
	 * NVIDIA A100 datasheet, SXM4 80GB: 312 TFLOPS, 2039 GB/s. The catalog entry also covers
	 * the PCIe 80GB card (1935 GB/s); the SXM figure is the one performance.md derives the
	 * per-profile peaks from. Calibrate for PCIe.
	 */
	{"a100-80gb", 2039, 312, "NVIDIA A100 datasheet (SXM4 80GB; PCIe: 1935 GB/s)"},
	/* NVIDIA A30 datasheet: 165 TFLOPS FP16, 933 GB/s */
	{"a30-24gb", 933, 165, "NVIDIA A30 datasheet"},
	/* NVIDIA H100 datasheet, SXM5: 989 TFLOPS dense FP16 (1979 with sparsity), 3350 GB/s */
	{"h100-sxm5-80gb", 3350, 989, "NVIDIA H100 datasheet (SXM5)"},
	/* NVIDIA H100 datasheet, PCIe: 756 TFLOPS dense FP16, 2000 GB/s */
	{"h100-pcie-80gb", 2000, 756, "NVIDIA H100 datasheet (PCIe)"},
	/* NVIDIA H100 datasheet, NVL: 835 TFLOPS dense FP16, 3900 GB/s */
	{"h100-nvl-94gb", 3900, 835, "NVIDIA H100 datasheet (NVL)"},
	/* NVIDIA GH200 Grace Hopper datasheet, 96GB HBM3: 989 TFLOPS, 4000 GB/s */
	{"gh200-96gb", 4000, 989, "NVIDIA GH200 datasheet (96GB HBM3)"},
	/* NVIDIA GH200 datasheet, 144GB HBM3e: same Hopper GPU, "up to 4.9 TB/s" */
	{"gh200-144gb", 4900, 989, "NVIDIA GH200 datasheet (144GB HBM3e), not in performance.md"},
	/* NVIDIA H200 datasheet, SXM: 989 TFLOPS dense FP16, 4800 GB/s */
	{"h200-141gb", 4800, 989, "NVIDIA H200 datasheet (SXM)"},
	/* NVIDIA H200 datasheet, NVL: 1671 TFLOPS FP16 with sparsity (835 dense), 4800 GB/s */
	{"h200-nvl-141gb", 4800, 835, "NVIDIA H200 datasheet (NVL), not in performance.md"},
	/* NVIDIA B200 (DGX B200 / HGX B200) datasheet: 2250 TFLOPS dense FP16, 8000 GB/s */
	{"b200-180gb", 8000, 2250, "NVIDIA B200 datasheet"},
	/*
	 * NVIDIA GB200 NVL72 datasheet: 8 TB/s HBM3e per GPU; FP16/BF16 360 PFLOPS with sparsity
	 * for 72 GPUs, i.e. 2500 TFLOPS dense per GPU.
	 */
	{"gb200-186gb", 8000, 2500,
	 "NVIDIA GB200 NVL72 datasheet (per GPU), not in performance.md"},
	/*
	 * NVIDIA RTX PRO 6000 Blackwell Server Edition datasheet: 96GB GDDR7 at 1597 GB/s;
	 * 4000 AI TOPS is FP4 with sparsity, so dense FP16 tensor is about 4000 / 8 = 500.
	 */
	{"rtx-pro-6000-blackwell", 1597, 500,
	 "NVIDIA RTX PRO 6000 Blackwell datasheet (FP16 derived from FP4), not in performance.md"},
};

const mig_plan_gpu_perf *mig_plan_gpu_perf_find(const mig_gpu *gpu)
{
	size_t i;

	if (!gpu)
		return NULL;
	for (i = 0; i < sizeof(perf_table) / sizeof(perf_table[0]); i++)
		if (strcmp(perf_table[i].key, gpu->key) == 0)
			return &perf_table[i];
	return NULL;
}
