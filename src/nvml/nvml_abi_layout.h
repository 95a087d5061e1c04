/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_NVML_ABI_LAYOUT_H
#define MIGCTL_NVML_ABI_LAYOUT_H

/*
 * The sizes and offsets of the structs in nvml_abi.h, as measured from NVIDIA's nvml.h with gcc
 * on x86_64 (shared/reference/nvml-mig-abi.md section 4, tag [M]). A real client passes these
 * structs by pointer into our code, so a field in the wrong place silently corrupts its memory;
 * these checks turn any drift into a compile error. Included by nvml_abi.h only.
 */

#ifndef MIGCTL_NVML_ABI_H
#error "include nvml_abi.h, not nvml_abi_layout.h"
#endif

#if defined(__LP64__)

#define NVML_ABI_SIZE(type, n) _Static_assert(sizeof(type) == (n), "sizeof " #type)
#define NVML_ABI_OFF(type, field, n)                                                               \
	_Static_assert(offsetof(type, field) == (n), #type "." #field " offset")

NVML_ABI_SIZE(nvmlGpuInstancePlacement_t, 8);
NVML_ABI_SIZE(nvmlComputeInstancePlacement_t, 8);
NVML_ABI_OFF(nvmlGpuInstancePlacement_t, size, 4);

NVML_ABI_SIZE(nvmlGpuInstanceProfileInfo_t, 48);
NVML_ABI_OFF(nvmlGpuInstanceProfileInfo_t, sliceCount, 8);
NVML_ABI_OFF(nvmlGpuInstanceProfileInfo_t, ofaCount, 36);
NVML_ABI_OFF(nvmlGpuInstanceProfileInfo_t, memorySizeMB, 40);

NVML_ABI_SIZE(nvmlGpuInstanceProfileInfo_v2_t, 152);
NVML_ABI_OFF(nvmlGpuInstanceProfileInfo_v2_t, id, 4);
NVML_ABI_OFF(nvmlGpuInstanceProfileInfo_v2_t, sliceCount, 12);
NVML_ABI_OFF(nvmlGpuInstanceProfileInfo_v2_t, ofaCount, 40);
NVML_ABI_OFF(nvmlGpuInstanceProfileInfo_v2_t, memorySizeMB, 48);
NVML_ABI_OFF(nvmlGpuInstanceProfileInfo_v2_t, name, 56);

NVML_ABI_SIZE(nvmlGpuInstanceProfileInfo_v3_t, 152);
NVML_ABI_OFF(nvmlGpuInstanceProfileInfo_v3_t, sliceCount, 8);
NVML_ABI_OFF(nvmlGpuInstanceProfileInfo_v3_t, ofaCount, 36);
NVML_ABI_OFF(nvmlGpuInstanceProfileInfo_v3_t, memorySizeMB, 40);
NVML_ABI_OFF(nvmlGpuInstanceProfileInfo_v3_t, name, 48);
NVML_ABI_OFF(nvmlGpuInstanceProfileInfo_v3_t, capabilities, 144);

NVML_ABI_SIZE(nvmlComputeInstanceProfileInfo_t, 36);
NVML_ABI_OFF(nvmlComputeInstanceProfileInfo_t, sharedOfaCount, 32);
NVML_ABI_SIZE(nvmlComputeInstanceProfileInfo_v2_t, 136);
NVML_ABI_OFF(nvmlComputeInstanceProfileInfo_v2_t, name, 40);
NVML_ABI_SIZE(nvmlComputeInstanceProfileInfo_v3_t, 140);
NVML_ABI_OFF(nvmlComputeInstanceProfileInfo_v3_t, capabilities, 136);

NVML_ABI_SIZE(nvmlGpuInstanceInfo_t, 24);
NVML_ABI_OFF(nvmlGpuInstanceInfo_t, id, 8);
NVML_ABI_OFF(nvmlGpuInstanceInfo_t, profileId, 12);
NVML_ABI_OFF(nvmlGpuInstanceInfo_t, placement, 16);

NVML_ABI_SIZE(nvmlComputeInstanceInfo_t, 32);
NVML_ABI_OFF(nvmlComputeInstanceInfo_t, gpuInstance, 8);
NVML_ABI_OFF(nvmlComputeInstanceInfo_t, id, 16);
NVML_ABI_OFF(nvmlComputeInstanceInfo_t, profileId, 20);
NVML_ABI_OFF(nvmlComputeInstanceInfo_t, placement, 24);

NVML_ABI_SIZE(nvmlPciInfo_t, 68);
NVML_ABI_OFF(nvmlPciInfo_t, domain, 16);
NVML_ABI_OFF(nvmlPciInfo_t, pciDeviceId, 28);
NVML_ABI_OFF(nvmlPciInfo_t, pciSubSystemId, 32);
NVML_ABI_OFF(nvmlPciInfo_t, busId, 36);

NVML_ABI_SIZE(nvmlMemory_t, 24);
NVML_ABI_SIZE(nvmlMemory_v2_t, 40);
NVML_ABI_OFF(nvmlMemory_v2_t, total, 8);
NVML_ABI_OFF(nvmlMemory_v2_t, reserved, 16);
NVML_ABI_OFF(nvmlMemory_v2_t, free, 24);
NVML_ABI_OFF(nvmlMemory_v2_t, used, 32);

NVML_ABI_SIZE(nvmlProcessInfo_v1_t, 16);
NVML_ABI_SIZE(nvmlProcessInfo_t, 24);
NVML_ABI_OFF(nvmlProcessInfo_t, usedGpuMemory, 8);
NVML_ABI_OFF(nvmlProcessInfo_t, gpuInstanceId, 16);
NVML_ABI_OFF(nvmlProcessInfo_t, computeInstanceId, 20);

NVML_ABI_SIZE(nvmlDeviceAttributes_t, 40);
NVML_ABI_OFF(nvmlDeviceAttributes_t, computeInstanceSliceCount, 28);
NVML_ABI_OFF(nvmlDeviceAttributes_t, memorySizeMB, 32);

NVML_ABI_SIZE(nvmlUtilization_t, 8);

NVML_ABI_SIZE(nvmlEventData_t, 32);
NVML_ABI_OFF(nvmlEventData_t, eventType, 8);
NVML_ABI_OFF(nvmlEventData_t, eventData, 16);
NVML_ABI_OFF(nvmlEventData_t, gpuInstanceId, 24);
NVML_ABI_OFF(nvmlEventData_t, computeInstanceId, 28);

/* The version words clients hard-code (pynvml) must come out of the macros unchanged. */
_Static_assert(nvmlGpuInstanceProfileInfo_v2 == 0x02000098u, "GI profile info v2 version");
_Static_assert(nvmlGpuInstanceProfileInfo_v3 == 0x03000098u, "GI profile info v3 version");
_Static_assert(nvmlComputeInstanceProfileInfo_v2 == 0x02000088u, "CI profile info v2 version");
_Static_assert(nvmlComputeInstanceProfileInfo_v3 == 0x0300008Cu, "CI profile info v3 version");
_Static_assert(nvmlMemory_v2 == 0x02000028u, "memory v2 version");

#undef NVML_ABI_SIZE
#undef NVML_ABI_OFF

#endif /* __LP64__ */

#endif
