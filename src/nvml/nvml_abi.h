/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_NVML_ABI_H
#define MIGCTL_NVML_ABI_H

/*
 * Our own declarations of the NVML C ABI (libnvidia-ml.so.1), shared by the loader in src/nvml/
 * and by the simulator in sim/, which defines every function declared here so that the compiler
 * checks its signatures. Written from the public facts gathered in
 * shared/reference/nvml-mig-abi.md (NVML API 13.x): the handle types, the return codes, the
 * versioned structs with their exact layouts (checked below with _Static_assert against the
 * sizes and offsets measured on LP64 Linux), the constants, and the prototypes.
 *
 * This header declares in full what migctl and the simulator use. The rest of the exported
 * surface (functions nobody here models) is declared in nvml_abi_unmodelled.h, with opaque
 * types where a signature needs a struct we never look inside.
 */

#include <stddef.h>

/* -------------------------------------------------------------------------------------------
 * Return codes (an int-sized enum, as in nvml.h)
 * ----------------------------------------------------------------------------------------- */

typedef enum nvmlReturn_enum {
	NVML_SUCCESS = 0,
	NVML_ERROR_UNINITIALIZED = 1,
	NVML_ERROR_INVALID_ARGUMENT = 2,
	NVML_ERROR_NOT_SUPPORTED = 3,
	NVML_ERROR_NO_PERMISSION = 4,
	NVML_ERROR_ALREADY_INITIALIZED = 5,
	NVML_ERROR_NOT_FOUND = 6,
	NVML_ERROR_INSUFFICIENT_SIZE = 7,
	NVML_ERROR_INSUFFICIENT_POWER = 8,
	NVML_ERROR_DRIVER_NOT_LOADED = 9,
	NVML_ERROR_TIMEOUT = 10,
	NVML_ERROR_IRQ_ISSUE = 11,
	NVML_ERROR_LIBRARY_NOT_FOUND = 12,
	NVML_ERROR_FUNCTION_NOT_FOUND = 13,
	NVML_ERROR_CORRUPTED_INFOROM = 14,
	NVML_ERROR_GPU_IS_LOST = 15,
	NVML_ERROR_RESET_REQUIRED = 16,
	NVML_ERROR_OPERATING_SYSTEM = 17,
	NVML_ERROR_LIB_RM_VERSION_MISMATCH = 18,
	NVML_ERROR_IN_USE = 19,
	NVML_ERROR_MEMORY = 20,
	NVML_ERROR_NO_DATA = 21,
	NVML_ERROR_VGPU_ECC_NOT_SUPPORTED = 22,
	NVML_ERROR_INSUFFICIENT_RESOURCES = 23,
	NVML_ERROR_FREQ_NOT_SUPPORTED = 24,
	NVML_ERROR_ARGUMENT_VERSION_MISMATCH = 25,
	NVML_ERROR_DEPRECATED = 26,
	NVML_ERROR_NOT_READY = 27,
	NVML_ERROR_GPU_NOT_FOUND = 28,
	NVML_ERROR_INVALID_STATE = 29,
	NVML_ERROR_RESET_TYPE_NOT_SUPPORTED = 30,
	NVML_ERROR_UNKNOWN = 999
} nvmlReturn_t;

_Static_assert(sizeof(nvmlReturn_t) == sizeof(int), "nvmlReturn_t is int-sized");

/* -------------------------------------------------------------------------------------------
 * Handles: pointers to structs the library owns (never small integers)
 * ----------------------------------------------------------------------------------------- */

typedef struct nvmlDevice_st *nvmlDevice_t;
typedef struct nvmlGpuInstance_st *nvmlGpuInstance_t;
typedef struct nvmlComputeInstance_st *nvmlComputeInstance_t;
typedef struct nvmlEventSet_st *nvmlEventSet_t;

/* -------------------------------------------------------------------------------------------
 * Constants
 * ----------------------------------------------------------------------------------------- */

#define NVML_API_VERSION	 13
#define NVML_VALUE_NOT_AVAILABLE (-1)

/* A struct version: its size in the low bits, the version number in the top byte. */
#define NVML_STRUCT_VERSION(data, ver)                                                             \
	(unsigned int)(sizeof(nvml##data##_v##ver##_t) | ((unsigned int)(ver) << 24U))

#define NVML_INIT_FLAG_NO_GPUS	  1
#define NVML_INIT_FLAG_NO_ATTACH  2
#define NVML_INIT_FLAG_FORCE_INIT 4

#define NVML_DEVICE_UUID_BUFFER_SIZE		80
#define NVML_DEVICE_UUID_V2_BUFFER_SIZE		96
#define NVML_DEVICE_NAME_BUFFER_SIZE		64
#define NVML_DEVICE_NAME_V2_BUFFER_SIZE		96
#define NVML_DEVICE_PCI_BUS_ID_BUFFER_SIZE	32
#define NVML_DEVICE_PCI_BUS_ID_BUFFER_V2_SIZE	16
#define NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE	80
#define NVML_SYSTEM_NVML_VERSION_BUFFER_SIZE	80
#define NVML_DEVICE_SERIAL_BUFFER_SIZE		30
#define NVML_DEVICE_PART_NUMBER_BUFFER_SIZE	80
#define NVML_DEVICE_INFOROM_VERSION_BUFFER_SIZE 16
#define NVML_DEVICE_VBIOS_VERSION_BUFFER_SIZE	32

#define NVML_DEVICE_PCI_BUS_ID_LEGACY_FMT "%04X:%02X:%02X.0"
#define NVML_DEVICE_PCI_BUS_ID_FMT	  "%08X:%02X:%02X.0"

/* nvmlDeviceArchitecture_t values */
typedef unsigned int nvmlDeviceArchitecture_t;
#define NVML_DEVICE_ARCH_KEPLER	   2
#define NVML_DEVICE_ARCH_MAXWELL   3
#define NVML_DEVICE_ARCH_PASCAL	   4
#define NVML_DEVICE_ARCH_VOLTA	   5
#define NVML_DEVICE_ARCH_TURING	   6
#define NVML_DEVICE_ARCH_AMPERE	   7
#define NVML_DEVICE_ARCH_ADA	   8
#define NVML_DEVICE_ARCH_HOPPER	   9
#define NVML_DEVICE_ARCH_BLACKWELL 10
#define NVML_DEVICE_ARCH_RUBIN	   13
#define NVML_DEVICE_ARCH_UNKNOWN   0xffffffffu

/* MIG mode */
#define NVML_DEVICE_MIG_DISABLE 0x0
#define NVML_DEVICE_MIG_ENABLE	0x1

/* GPU-instance profile indices (what ...ProfileInfo takes; the same on every GPU) */
#define NVML_GPU_INSTANCE_PROFILE_1_SLICE	 0x0
#define NVML_GPU_INSTANCE_PROFILE_2_SLICE	 0x1
#define NVML_GPU_INSTANCE_PROFILE_3_SLICE	 0x2
#define NVML_GPU_INSTANCE_PROFILE_4_SLICE	 0x3
#define NVML_GPU_INSTANCE_PROFILE_7_SLICE	 0x4
#define NVML_GPU_INSTANCE_PROFILE_8_SLICE	 0x5
#define NVML_GPU_INSTANCE_PROFILE_6_SLICE	 0x6
#define NVML_GPU_INSTANCE_PROFILE_1_SLICE_REV1	 0x7
#define NVML_GPU_INSTANCE_PROFILE_2_SLICE_REV1	 0x8
#define NVML_GPU_INSTANCE_PROFILE_1_SLICE_REV2	 0x9
#define NVML_GPU_INSTANCE_PROFILE_1_SLICE_GFX	 0xA
#define NVML_GPU_INSTANCE_PROFILE_2_SLICE_GFX	 0xB
#define NVML_GPU_INSTANCE_PROFILE_4_SLICE_GFX	 0xC
#define NVML_GPU_INSTANCE_PROFILE_1_SLICE_NO_ME	 0xD
#define NVML_GPU_INSTANCE_PROFILE_2_SLICE_NO_ME	 0xE
#define NVML_GPU_INSTANCE_PROFILE_1_SLICE_ALL_ME 0xF
#define NVML_GPU_INSTANCE_PROFILE_2_SLICE_ALL_ME 0x10
#define NVML_GPU_INSTANCE_PROFILE_3_SLICE_GFX	 0x11
#define NVML_GPU_INSTANCE_PROFILE_COUNT		 0x12

#define NVML_GPU_INSTANCE_PROFILE_CAPS_P2P 0x1
#define NVML_GPU_INSTANCE_PROFILE_CAPS_GFX 0x2

/* Compute-instance profile indices */
#define NVML_COMPUTE_INSTANCE_PROFILE_1_SLICE	   0x0
#define NVML_COMPUTE_INSTANCE_PROFILE_2_SLICE	   0x1
#define NVML_COMPUTE_INSTANCE_PROFILE_3_SLICE	   0x2
#define NVML_COMPUTE_INSTANCE_PROFILE_4_SLICE	   0x3
#define NVML_COMPUTE_INSTANCE_PROFILE_7_SLICE	   0x4
#define NVML_COMPUTE_INSTANCE_PROFILE_8_SLICE	   0x5
#define NVML_COMPUTE_INSTANCE_PROFILE_6_SLICE	   0x6
#define NVML_COMPUTE_INSTANCE_PROFILE_1_SLICE_REV1 0x7
#define NVML_COMPUTE_INSTANCE_PROFILE_7_SLICE_NVL  0x8
#define NVML_COMPUTE_INSTANCE_PROFILE_COUNT	   0x9

#define NVML_COMPUTE_INSTANCE_PROFILE_CAPS_GFX	    0x1
#define NVML_COMPUTE_INSTANCE_ENGINE_PROFILE_SHARED 0x0
#define NVML_COMPUTE_INSTANCE_ENGINE_PROFILE_COUNT  0x1

#define INVALID_GPU_INSTANCE_PROFILE_ID 0xFFFFFFFFu
#define INVALID_GPU_INSTANCE_ID		0xFFFFFFFFu

/* Event type bits */
#define nvmlEventTypeSingleBitEccError 0x0000000000000001ULL
#define nvmlEventTypeDoubleBitEccError 0x0000000000000002ULL
#define nvmlEventTypePState	       0x0000000000000004ULL
#define nvmlEventTypeXidCriticalError  0x0000000000000008ULL
#define nvmlEventTypeClock	       0x0000000000000010ULL
#define nvmlEventTypePowerSourceChange 0x0000000000000080ULL
#define nvmlEventMigConfigChange       0x0000000000000100ULL
#define nvmlEventTypeNone	       0x0000000000000000ULL

/* Temperature sensors and clock kinds used by the nvtop set (enums in nvml.h) */
typedef int nvmlTemperatureSensors_t;
typedef int nvmlTemperatureThresholds_t;
typedef int nvmlClockType_t;
typedef int nvmlPcieUtilCounter_t;
#define NVML_TEMPERATURE_GPU 0

/* -------------------------------------------------------------------------------------------
 * Structs
 * ----------------------------------------------------------------------------------------- */

typedef struct nvmlPciInfo_st {
	char busIdLegacy[NVML_DEVICE_PCI_BUS_ID_BUFFER_V2_SIZE]; /* "%04X:%02X:%02X.0" */
	unsigned int domain;
	unsigned int bus;
	unsigned int device;
	unsigned int pciDeviceId;    /* device id << 16 | vendor id */
	unsigned int pciSubSystemId; /* subsystem device << 16 | subsystem vendor */
	char busId[NVML_DEVICE_PCI_BUS_ID_BUFFER_SIZE]; /* "%08X:%02X:%02X.0" */
} nvmlPciInfo_t;

typedef struct nvmlMemory_st {
	unsigned long long total; /* bytes; total = free + used */
	unsigned long long free;
	unsigned long long used;
} nvmlMemory_t;

typedef struct nvmlMemory_v2_st {
	unsigned int version; /* must be nvmlMemory_v2 */
	unsigned long long total;
	unsigned long long reserved;
	unsigned long long free;
	unsigned long long used;
} nvmlMemory_v2_t;
#define nvmlMemory_v2 NVML_STRUCT_VERSION(Memory, 2)

typedef struct nvmlUtilization_st {
	unsigned int gpu;
	unsigned int memory;
} nvmlUtilization_t;

typedef struct nvmlProcessInfo_v1_st {
	unsigned int pid;
	unsigned long long usedGpuMemory;
} nvmlProcessInfo_v1_t;

typedef struct nvmlProcessInfo_v2_st {
	unsigned int pid;
	unsigned long long usedGpuMemory;
	unsigned int gpuInstanceId;	/* 0xFFFFFFFF when MIG is off */
	unsigned int computeInstanceId; /* 0xFFFFFFFF when MIG is off */
} nvmlProcessInfo_v2_t, nvmlProcessInfo_t;

typedef struct nvmlDeviceAttributes_st {
	unsigned int multiprocessorCount;
	unsigned int sharedCopyEngineCount;
	unsigned int sharedDecoderCount;
	unsigned int sharedEncoderCount;
	unsigned int sharedJpegCount;
	unsigned int sharedOfaCount;
	unsigned int gpuInstanceSliceCount;
	unsigned int computeInstanceSliceCount;
	unsigned long long memorySizeMB;
} nvmlDeviceAttributes_t;

typedef struct nvmlEventData_st {
	nvmlDevice_t device;
	unsigned long long eventType;
	unsigned long long eventData;
	unsigned int gpuInstanceId;
	unsigned int computeInstanceId;
} nvmlEventData_t;

typedef struct nvmlGpuInstancePlacement_st {
	unsigned int start; /* first memory slice */
	unsigned int size;  /* memory slices */
} nvmlGpuInstancePlacement_t;

typedef struct nvmlComputeInstancePlacement_st {
	unsigned int start; /* first compute slice inside the GI */
	unsigned int size;
} nvmlComputeInstancePlacement_t;

typedef struct nvmlGpuInstanceProfileInfo_st {
	unsigned int id; /* profile id (device specific), not the profile index */
	unsigned int isP2pSupported;
	unsigned int sliceCount;
	unsigned int instanceCount;
	unsigned int multiprocessorCount;
	unsigned int copyEngineCount;
	unsigned int decoderCount;
	unsigned int encoderCount;
	unsigned int jpegCount;
	unsigned int ofaCount;
	unsigned long long memorySizeMB;
} nvmlGpuInstanceProfileInfo_t;

typedef struct nvmlGpuInstanceProfileInfo_v2_st {
	unsigned int version;
	unsigned int id;
	unsigned int isP2pSupported;
	unsigned int sliceCount;
	unsigned int instanceCount;
	unsigned int multiprocessorCount;
	unsigned int copyEngineCount;
	unsigned int decoderCount;
	unsigned int encoderCount;
	unsigned int jpegCount;
	unsigned int ofaCount;
	unsigned long long memorySizeMB;
	char name[NVML_DEVICE_NAME_V2_BUFFER_SIZE];
} nvmlGpuInstanceProfileInfo_v2_t;
#define nvmlGpuInstanceProfileInfo_v2 NVML_STRUCT_VERSION(GpuInstanceProfileInfo, 2)

/* Same size as v2 but a different layout (isP2pSupported dropped, capabilities appended):
 * whoever receives one must look at the version's top byte. */
typedef struct nvmlGpuInstanceProfileInfo_v3_st {
	unsigned int version;
	unsigned int id;
	unsigned int sliceCount;
	unsigned int instanceCount;
	unsigned int multiprocessorCount;
	unsigned int copyEngineCount;
	unsigned int decoderCount;
	unsigned int encoderCount;
	unsigned int jpegCount;
	unsigned int ofaCount;
	unsigned long long memorySizeMB;
	char name[NVML_DEVICE_NAME_V2_BUFFER_SIZE];
	unsigned int capabilities; /* NVML_GPU_INSTANCE_PROFILE_CAPS_* */
} nvmlGpuInstanceProfileInfo_v3_t;
#define nvmlGpuInstanceProfileInfo_v3 NVML_STRUCT_VERSION(GpuInstanceProfileInfo, 3)

typedef struct nvmlGpuInstanceInfo_st {
	nvmlDevice_t device; /* parent GPU */
	unsigned int id;     /* GI id */
	unsigned int profileId;
	nvmlGpuInstancePlacement_t placement;
} nvmlGpuInstanceInfo_t;

typedef struct nvmlComputeInstanceProfileInfo_st {
	unsigned int id;
	unsigned int sliceCount;
	unsigned int instanceCount;
	unsigned int multiprocessorCount;
	unsigned int sharedCopyEngineCount;
	unsigned int sharedDecoderCount;
	unsigned int sharedEncoderCount;
	unsigned int sharedJpegCount;
	unsigned int sharedOfaCount;
} nvmlComputeInstanceProfileInfo_t;

typedef struct nvmlComputeInstanceProfileInfo_v2_st {
	unsigned int version;
	unsigned int id;
	unsigned int sliceCount;
	unsigned int instanceCount;
	unsigned int multiprocessorCount;
	unsigned int sharedCopyEngineCount;
	unsigned int sharedDecoderCount;
	unsigned int sharedEncoderCount;
	unsigned int sharedJpegCount;
	unsigned int sharedOfaCount;
	char name[NVML_DEVICE_NAME_V2_BUFFER_SIZE];
} nvmlComputeInstanceProfileInfo_v2_t;
#define nvmlComputeInstanceProfileInfo_v2 NVML_STRUCT_VERSION(ComputeInstanceProfileInfo, 2)

typedef struct nvmlComputeInstanceProfileInfo_v3_st {
	unsigned int version;
	unsigned int id;
	unsigned int sliceCount;
	unsigned int instanceCount;
	unsigned int multiprocessorCount;
	unsigned int sharedCopyEngineCount;
	unsigned int sharedDecoderCount;
	unsigned int sharedEncoderCount;
	unsigned int sharedJpegCount;
	unsigned int sharedOfaCount;
	char name[NVML_DEVICE_NAME_V2_BUFFER_SIZE];
	unsigned int capabilities; /* NVML_COMPUTE_INSTANCE_PROFILE_CAPS_* */
} nvmlComputeInstanceProfileInfo_v3_t;
#define nvmlComputeInstanceProfileInfo_v3 NVML_STRUCT_VERSION(ComputeInstanceProfileInfo, 3)

typedef struct nvmlComputeInstanceInfo_st {
	nvmlDevice_t device;
	nvmlGpuInstance_t gpuInstance;
	unsigned int id; /* CI id, unique inside its GI */
	unsigned int profileId;
	nvmlComputeInstancePlacement_t placement;
} nvmlComputeInstanceInfo_t;

#include "nvml_abi_layout.h"
#include "nvml_abi_modelled.h"
#include "nvml_abi_unmodelled.h"

#endif
