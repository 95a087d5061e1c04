/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The system, unit, vGPU, GPM and GPU-instance vGPU functions the simulator does not model.
 * An X-macro list without include guard: the includer defines
 * NVML_UNMODELLED(name, params) (nvml_abi_unmodelled.h turns each entry into a prototype,
 * sim/sim_unmodelled.c into a definition that returns NVML_ERROR_NOT_SUPPORTED).
 */

#ifndef NVML_UNMODELLED
#error "define NVML_UNMODELLED(name, params) before including this list"
#endif

NVML_UNMODELLED(nvmlGetExcludedDeviceCount, (unsigned int *deviceCount))
NVML_UNMODELLED(nvmlGetExcludedDeviceInfoByIndex,
		(unsigned int index, nvmlExcludedDeviceInfo_t *info))
NVML_UNMODELLED(nvmlGetVgpuCompatibility,
		(nvmlVgpuMetadata_t * vgpuMetadata, nvmlVgpuPgpuMetadata_t *pgpuMetadata,
		 nvmlVgpuPgpuCompatibility_t *compatibilityInfo))
NVML_UNMODELLED(nvmlGetVgpuDriverCapabilities,
		(nvmlVgpuDriverCapability_t capability, unsigned int *capResult))
NVML_UNMODELLED(nvmlGetVgpuVersion, (nvmlVgpuVersion_t * supported, nvmlVgpuVersion_t *current))
NVML_UNMODELLED(nvmlGpmMetricsGet, (nvmlGpmMetricsGet_t * metricsGet))
NVML_UNMODELLED(nvmlGpmMigSampleGet,
		(nvmlDevice_t device, unsigned int gpuInstanceId, nvmlGpmSample_t gpmSample))
NVML_UNMODELLED(nvmlGpmQueryDeviceSupport, (nvmlDevice_t device, nvmlGpmSupport_t *gpmSupport))
NVML_UNMODELLED(nvmlGpmQueryIfStreamingEnabled, (nvmlDevice_t device, unsigned int *state))
NVML_UNMODELLED(nvmlGpmSampleAlloc, (nvmlGpmSample_t * gpmSample))
NVML_UNMODELLED(nvmlGpmSampleFree, (nvmlGpmSample_t gpmSample))
NVML_UNMODELLED(nvmlGpmSampleGet, (nvmlDevice_t device, nvmlGpmSample_t gpmSample))
NVML_UNMODELLED(nvmlGpmSetStreamingEnabled, (nvmlDevice_t device, unsigned int state))
NVML_UNMODELLED(nvmlGpuInstanceGetActiveVgpus,
		(nvmlGpuInstance_t gpuInstance, nvmlActiveVgpuInstanceInfo_t *pVgpuInstanceInfo))
NVML_UNMODELLED(nvmlGpuInstanceGetCreatableVgpus,
		(nvmlGpuInstance_t gpuInstance, nvmlVgpuTypeIdInfo_t *pVgpus))
NVML_UNMODELLED(nvmlGpuInstanceGetVgpuHeterogeneousMode,
		(nvmlGpuInstance_t gpuInstance, nvmlVgpuHeterogeneousMode_t *pHeterogeneousMode))
NVML_UNMODELLED(nvmlGpuInstanceGetVgpuSchedulerLog,
		(nvmlGpuInstance_t gpuInstance, nvmlVgpuSchedulerLogInfo_t *pSchedulerLogInfo))
NVML_UNMODELLED(nvmlGpuInstanceGetVgpuSchedulerLog_v2,
		(nvmlGpuInstance_t gpuInstance, nvmlVgpuSchedulerLogInfo_v2_t *pSchedulerLogInfo))
NVML_UNMODELLED(nvmlGpuInstanceGetVgpuSchedulerState,
		(nvmlGpuInstance_t gpuInstance, nvmlVgpuSchedulerStateInfo_t *pSchedulerStateInfo))
NVML_UNMODELLED(nvmlGpuInstanceGetVgpuSchedulerState_v2,
		(nvmlGpuInstance_t gpuInstance,
		 nvmlVgpuSchedulerStateInfo_v2_t *pSchedulerStateInfo))
NVML_UNMODELLED(nvmlGpuInstanceGetVgpuTypeCreatablePlacements,
		(nvmlGpuInstance_t gpuInstance,
		 nvmlVgpuCreatablePlacementInfo_t *pCreatablePlacementInfo))
NVML_UNMODELLED(nvmlGpuInstanceSetVgpuHeterogeneousMode,
		(nvmlGpuInstance_t gpuInstance,
		 const nvmlVgpuHeterogeneousMode_t *pHeterogeneousMode))
NVML_UNMODELLED(nvmlGpuInstanceSetVgpuSchedulerState,
		(nvmlGpuInstance_t gpuInstance, nvmlVgpuSchedulerState_t *pScheduler))
NVML_UNMODELLED(nvmlGpuInstanceSetVgpuSchedulerState_v2,
		(nvmlGpuInstance_t gpuInstance, nvmlVgpuSchedulerState_v2_t *pSchedulerState))
NVML_UNMODELLED(nvmlSetVgpuVersion, (nvmlVgpuVersion_t * vgpuVersion))
NVML_UNMODELLED(nvmlSystemEventSetCreate, (nvmlSystemEventSetCreateRequest_t * request))
NVML_UNMODELLED(nvmlSystemEventSetFree, (nvmlSystemEventSetFreeRequest_t * request))
NVML_UNMODELLED(nvmlSystemEventSetWait, (nvmlSystemEventSetWaitRequest_t * request))
NVML_UNMODELLED(nvmlSystemGetCPER_v1, (nvmlGetCPER_v1_t * cper))
NVML_UNMODELLED(nvmlSystemGetConfComputeCapabilities, (nvmlConfComputeSystemCaps_t * capabilities))
NVML_UNMODELLED(nvmlSystemGetConfComputeGpusReadyState, (unsigned int *isAcceptingWork))
NVML_UNMODELLED(nvmlSystemGetConfComputeKeyRotationThresholdInfo,
		(nvmlConfComputeGetKeyRotationThresholdInfo_t * pKeyRotationThrInfo))
NVML_UNMODELLED(nvmlSystemGetConfComputeSettings, (nvmlSystemConfComputeSettings_t * settings))
NVML_UNMODELLED(nvmlSystemGetConfComputeState, (nvmlConfComputeSystemState_t * state))
NVML_UNMODELLED(nvmlSystemGetDriverBranch,
		(nvmlSystemDriverBranchInfo_t * branchInfo, unsigned int length))
NVML_UNMODELLED(nvmlSystemGetHicVersion, (unsigned int *hwbcCount, nvmlHwbcEntry_t *hwbcEntries))
NVML_UNMODELLED(nvmlSystemGetNvlinkBwMode, (unsigned int *nvlinkBwMode))
NVML_UNMODELLED(nvmlSystemGetTopologyGpuSet,
		(unsigned int cpuNumber, unsigned int *count, nvmlDevice_t *deviceArray))
NVML_UNMODELLED(nvmlSystemRegisterEvents, (nvmlSystemRegisterEventRequest_t * request))
NVML_UNMODELLED(nvmlSystemSetConfComputeGpusReadyState, (unsigned int isAcceptingWork))
NVML_UNMODELLED(nvmlSystemSetConfComputeKeyRotationThresholdInfo,
		(nvmlConfComputeSetKeyRotationThresholdInfo_t * pKeyRotationThrInfo))
NVML_UNMODELLED(nvmlSystemSetNvlinkBwMode, (unsigned int nvlinkBwMode))
NVML_UNMODELLED(nvmlUnitGetCount, (unsigned int *unitCount))
NVML_UNMODELLED(nvmlUnitGetDevices,
		(nvmlUnit_t unit, unsigned int *deviceCount, nvmlDevice_t *devices))
NVML_UNMODELLED(nvmlUnitGetFanSpeedInfo, (nvmlUnit_t unit, nvmlUnitFanSpeeds_t *fanSpeeds))
NVML_UNMODELLED(nvmlUnitGetHandleByIndex, (unsigned int index, nvmlUnit_t *unit))
NVML_UNMODELLED(nvmlUnitGetLedState, (nvmlUnit_t unit, nvmlLedState_t *state))
NVML_UNMODELLED(nvmlUnitGetPsuInfo, (nvmlUnit_t unit, nvmlPSUInfo_t *psu))
NVML_UNMODELLED(nvmlUnitGetTemperature, (nvmlUnit_t unit, unsigned int type, unsigned int *temp))
NVML_UNMODELLED(nvmlUnitGetUnitInfo, (nvmlUnit_t unit, nvmlUnitInfo_t *info))
NVML_UNMODELLED(nvmlUnitSetLedState, (nvmlUnit_t unit, nvmlLedColor_t color))
NVML_UNMODELLED(nvmlVgpuInstanceClearAccountingPids, (nvmlVgpuInstance_t vgpuInstance))
NVML_UNMODELLED(nvmlVgpuInstanceGetAccountingMode,
		(nvmlVgpuInstance_t vgpuInstance, nvmlEnableState_t *mode))
NVML_UNMODELLED(nvmlVgpuInstanceGetAccountingPids,
		(nvmlVgpuInstance_t vgpuInstance, unsigned int *count, unsigned int *pids))
NVML_UNMODELLED(nvmlVgpuInstanceGetAccountingStats,
		(nvmlVgpuInstance_t vgpuInstance, unsigned int pid, nvmlAccountingStats_t *stats))
NVML_UNMODELLED(nvmlVgpuInstanceGetEccMode,
		(nvmlVgpuInstance_t vgpuInstance, nvmlEnableState_t *eccMode))
NVML_UNMODELLED(nvmlVgpuInstanceGetEncoderCapacity,
		(nvmlVgpuInstance_t vgpuInstance, unsigned int *encoderCapacity))
NVML_UNMODELLED(nvmlVgpuInstanceGetEncoderSessions,
		(nvmlVgpuInstance_t vgpuInstance, unsigned int *sessionCount,
		 nvmlEncoderSessionInfo_t *sessionInfo))
NVML_UNMODELLED(nvmlVgpuInstanceGetEncoderStats,
		(nvmlVgpuInstance_t vgpuInstance, unsigned int *sessionCount,
		 unsigned int *averageFps, unsigned int *averageLatency))
NVML_UNMODELLED(nvmlVgpuInstanceGetFBCSessions,
		(nvmlVgpuInstance_t vgpuInstance, unsigned int *sessionCount,
		 nvmlFBCSessionInfo_t *sessionInfo))
NVML_UNMODELLED(nvmlVgpuInstanceGetFBCStats,
		(nvmlVgpuInstance_t vgpuInstance, nvmlFBCStats_t *fbcStats))
NVML_UNMODELLED(nvmlVgpuInstanceGetFbUsage,
		(nvmlVgpuInstance_t vgpuInstance, unsigned long long *fbUsage))
NVML_UNMODELLED(nvmlVgpuInstanceGetFrameRateLimit,
		(nvmlVgpuInstance_t vgpuInstance, unsigned int *frameRateLimit))
NVML_UNMODELLED(nvmlVgpuInstanceGetGpuInstanceId,
		(nvmlVgpuInstance_t vgpuInstance, unsigned int *gpuInstanceId))
NVML_UNMODELLED(nvmlVgpuInstanceGetGpuPciId,
		(nvmlVgpuInstance_t vgpuInstance, char *vgpuPciId, unsigned int *length))
NVML_UNMODELLED(nvmlVgpuInstanceGetLicenseInfo,
		(nvmlVgpuInstance_t vgpuInstance, nvmlVgpuLicenseInfo_t *licenseInfo))
NVML_UNMODELLED(nvmlVgpuInstanceGetLicenseInfo_v2,
		(nvmlVgpuInstance_t vgpuInstance, nvmlVgpuLicenseInfo_t *licenseInfo))
NVML_UNMODELLED(nvmlVgpuInstanceGetLicenseStatus,
		(nvmlVgpuInstance_t vgpuInstance, unsigned int *licensed))
NVML_UNMODELLED(nvmlVgpuInstanceGetMdevUUID,
		(nvmlVgpuInstance_t vgpuInstance, char *mdevUuid, unsigned int size))
NVML_UNMODELLED(nvmlVgpuInstanceGetMetadata,
		(nvmlVgpuInstance_t vgpuInstance, nvmlVgpuMetadata_t *vgpuMetadata,
		 unsigned int *bufferSize))
NVML_UNMODELLED(nvmlVgpuInstanceGetPlacementId,
		(nvmlVgpuInstance_t vgpuInstance, nvmlVgpuPlacementId_t *pPlacement))
NVML_UNMODELLED(nvmlVgpuInstanceGetRuntimeStateSize,
		(nvmlVgpuInstance_t vgpuInstance, nvmlVgpuRuntimeState_t *pState))
NVML_UNMODELLED(nvmlVgpuInstanceGetType,
		(nvmlVgpuInstance_t vgpuInstance, nvmlVgpuTypeId_t *vgpuTypeId))
NVML_UNMODELLED(nvmlVgpuInstanceGetUUID,
		(nvmlVgpuInstance_t vgpuInstance, char *uuid, unsigned int size))
NVML_UNMODELLED(nvmlVgpuInstanceGetVmDriverVersion,
		(nvmlVgpuInstance_t vgpuInstance, char *version, unsigned int length))
NVML_UNMODELLED(nvmlVgpuInstanceGetVmID, (nvmlVgpuInstance_t vgpuInstance, char *vmId,
					  unsigned int size, nvmlVgpuVmIdType_t *vmIdType))
NVML_UNMODELLED(nvmlVgpuInstanceSetEncoderCapacity,
		(nvmlVgpuInstance_t vgpuInstance, unsigned int encoderCapacity))
NVML_UNMODELLED(nvmlVgpuTypeGetBAR1Info,
		(nvmlVgpuTypeId_t vgpuTypeId, nvmlVgpuTypeBar1Info_t *bar1Info))
NVML_UNMODELLED(nvmlVgpuTypeGetCapabilities,
		(nvmlVgpuTypeId_t vgpuTypeId, nvmlVgpuCapability_t capability,
		 unsigned int *capResult))
NVML_UNMODELLED(nvmlVgpuTypeGetClass,
		(nvmlVgpuTypeId_t vgpuTypeId, char *vgpuTypeClass, unsigned int *size))
NVML_UNMODELLED(nvmlVgpuTypeGetDeviceID, (nvmlVgpuTypeId_t vgpuTypeId, unsigned long long *deviceID,
					  unsigned long long *subsystemID))
NVML_UNMODELLED(nvmlVgpuTypeGetFbReservation,
		(nvmlVgpuTypeId_t vgpuTypeId, unsigned long long *fbReservation))
NVML_UNMODELLED(nvmlVgpuTypeGetFrameRateLimit,
		(nvmlVgpuTypeId_t vgpuTypeId, unsigned int *frameRateLimit))
NVML_UNMODELLED(nvmlVgpuTypeGetFramebufferSize,
		(nvmlVgpuTypeId_t vgpuTypeId, unsigned long long *fbSize))
NVML_UNMODELLED(nvmlVgpuTypeGetGpuInstanceProfileId,
		(nvmlVgpuTypeId_t vgpuTypeId, unsigned int *gpuInstanceProfileId))
NVML_UNMODELLED(nvmlVgpuTypeGetGspHeapSize,
		(nvmlVgpuTypeId_t vgpuTypeId, unsigned long long *gspHeapSize))
NVML_UNMODELLED(nvmlVgpuTypeGetLicense,
		(nvmlVgpuTypeId_t vgpuTypeId, char *vgpuTypeLicenseString, unsigned int size))
NVML_UNMODELLED(nvmlVgpuTypeGetMaxInstances,
		(nvmlDevice_t device, nvmlVgpuTypeId_t vgpuTypeId, unsigned int *vgpuInstanceCount))
NVML_UNMODELLED(nvmlVgpuTypeGetMaxInstancesPerGpuInstance,
		(nvmlVgpuTypeMaxInstance_t * pMaxInstance))
NVML_UNMODELLED(nvmlVgpuTypeGetMaxInstancesPerVm,
		(nvmlVgpuTypeId_t vgpuTypeId, unsigned int *vgpuInstanceCountPerVm))
NVML_UNMODELLED(nvmlVgpuTypeGetName,
		(nvmlVgpuTypeId_t vgpuTypeId, char *vgpuTypeName, unsigned int *size))
NVML_UNMODELLED(nvmlVgpuTypeGetNumDisplayHeads,
		(nvmlVgpuTypeId_t vgpuTypeId, unsigned int *numDisplayHeads))
NVML_UNMODELLED(nvmlVgpuTypeGetResolution, (nvmlVgpuTypeId_t vgpuTypeId, unsigned int displayIndex,
					    unsigned int *xdim, unsigned int *ydim))
