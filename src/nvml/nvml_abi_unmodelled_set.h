/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The other nvmlDevice* functions (setters, resets, clears) the simulator does not model.
 * An X-macro list without include guard: the includer defines
 * NVML_UNMODELLED(name, params) (nvml_abi_unmodelled.h turns each entry into a prototype,
 * sim/sim_unmodelled.c into a definition that returns NVML_ERROR_NOT_SUPPORTED).
 */

#ifndef NVML_UNMODELLED
#error "define NVML_UNMODELLED(name, params) before including this list"
#endif

NVML_UNMODELLED(nvmlDeviceClearAccountingPids, (nvmlDevice_t device))
NVML_UNMODELLED(nvmlDeviceClearCpuAffinity, (nvmlDevice_t device))
NVML_UNMODELLED(nvmlDeviceClearEccErrorCounts,
		(nvmlDevice_t device, nvmlEccCounterType_t counterType))
NVML_UNMODELLED(nvmlDeviceClearFieldValues,
		(nvmlDevice_t device, int valuesCount, nvmlFieldValue_t *values))
NVML_UNMODELLED(nvmlDeviceDiscoverGpus, (nvmlPciInfo_t * pciInfo))
NVML_UNMODELLED(nvmlDeviceFreezeNvLinkUtilizationCounter,
		(nvmlDevice_t device, unsigned int link, unsigned int counter,
		 nvmlEnableState_t freeze))
NVML_UNMODELLED(nvmlDeviceModifyDrainState, (nvmlPciInfo_t * pciInfo, nvmlEnableState_t newState))
NVML_UNMODELLED(nvmlDeviceOnSameBoard,
		(nvmlDevice_t device1, nvmlDevice_t device2, int *onSameBoard))
NVML_UNMODELLED(nvmlDevicePowerSmoothingActivatePresetProfile,
		(nvmlDevice_t device, nvmlPowerSmoothingProfile_t *profile))
NVML_UNMODELLED(nvmlDevicePowerSmoothingSetState,
		(nvmlDevice_t device, nvmlPowerSmoothingState_t *state))
NVML_UNMODELLED(nvmlDevicePowerSmoothingUpdatePresetProfileParam,
		(nvmlDevice_t device, nvmlPowerSmoothingProfile_t *profile))
NVML_UNMODELLED(nvmlDeviceQueryDrainState,
		(nvmlPciInfo_t * pciInfo, nvmlEnableState_t *currentState))
NVML_UNMODELLED(nvmlDeviceReadPRMCounters_v1,
		(nvmlDevice_t device, nvmlPRMCounterList_v1_t *counterList))
NVML_UNMODELLED(nvmlDeviceReadWritePRM_v1, (nvmlDevice_t device, nvmlPRMTLV_v1_t *buffer))
NVML_UNMODELLED(nvmlDeviceRemoveGpu, (nvmlPciInfo_t * pciInfo))
NVML_UNMODELLED(nvmlDeviceRemoveGpu_v2, (nvmlPciInfo_t * pciInfo, nvmlDetachGpuState_t gpuState,
					 nvmlPcieLinkState_t linkState))
NVML_UNMODELLED(nvmlDeviceResetApplicationsClocks, (nvmlDevice_t device))
NVML_UNMODELLED(nvmlDeviceResetGpuLockedClocks, (nvmlDevice_t device))
NVML_UNMODELLED(nvmlDeviceResetMemoryLockedClocks, (nvmlDevice_t device))
NVML_UNMODELLED(nvmlDeviceResetNvLinkErrorCounters, (nvmlDevice_t device, unsigned int link))
NVML_UNMODELLED(nvmlDeviceResetNvLinkUtilizationCounter,
		(nvmlDevice_t device, unsigned int link, unsigned int counter))
NVML_UNMODELLED(nvmlDeviceSetAPIRestriction,
		(nvmlDevice_t device, nvmlRestrictedAPI_t apiType, nvmlEnableState_t isRestricted))
NVML_UNMODELLED(nvmlDeviceSetAccountingMode, (nvmlDevice_t device, nvmlEnableState_t mode))
NVML_UNMODELLED(nvmlDeviceSetApplicationsClocks,
		(nvmlDevice_t device, unsigned int memClockMHz, unsigned int graphicsClockMHz))
NVML_UNMODELLED(nvmlDeviceSetAutoBoostedClocksEnabled,
		(nvmlDevice_t device, nvmlEnableState_t enabled))
NVML_UNMODELLED(nvmlDeviceSetClockOffsets, (nvmlDevice_t device, nvmlClockOffset_t *info))
NVML_UNMODELLED(nvmlDeviceSetComputeMode, (nvmlDevice_t device, nvmlComputeMode_t mode))
NVML_UNMODELLED(nvmlDeviceSetConfComputeUnprotectedMemSize,
		(nvmlDevice_t device, unsigned long long sizeKiB))
NVML_UNMODELLED(nvmlDeviceSetCpuAffinity, (nvmlDevice_t device))
NVML_UNMODELLED(nvmlDeviceSetDefaultAutoBoostedClocksEnabled,
		(nvmlDevice_t device, nvmlEnableState_t enabled, unsigned int flags))
NVML_UNMODELLED(nvmlDeviceSetDefaultFanSpeed_v2, (nvmlDevice_t device, unsigned int fan))
NVML_UNMODELLED(nvmlDeviceSetDramEncryptionMode,
		(nvmlDevice_t device, const nvmlDramEncryptionInfo_t *dramEncryption))
NVML_UNMODELLED(nvmlDeviceSetDriverModel,
		(nvmlDevice_t device, nvmlDriverModel_t driverModel, unsigned int flags))
NVML_UNMODELLED(nvmlDeviceSetEccMode, (nvmlDevice_t device, nvmlEnableState_t ecc))
NVML_UNMODELLED(nvmlDeviceSetFanControlPolicy,
		(nvmlDevice_t device, unsigned int fan, nvmlFanControlPolicy_t policy))
NVML_UNMODELLED(nvmlDeviceSetFanSpeed_v2,
		(nvmlDevice_t device, unsigned int fan, unsigned int speed))
NVML_UNMODELLED(nvmlDeviceSetGpcClkVfOffset, (nvmlDevice_t device, int offset))
NVML_UNMODELLED(nvmlDeviceSetGpuLockedClocks,
		(nvmlDevice_t device, unsigned int minGpuClockMHz, unsigned int maxGpuClockMHz))
NVML_UNMODELLED(nvmlDeviceSetGpuOperationMode, (nvmlDevice_t device, nvmlGpuOperationMode_t mode))
NVML_UNMODELLED(nvmlDeviceSetHostname_v1, (nvmlDevice_t device, nvmlHostname_v1_t *hostname))
NVML_UNMODELLED(nvmlDeviceSetMemClkVfOffset, (nvmlDevice_t device, int offset))
NVML_UNMODELLED(nvmlDeviceSetMemoryLockedClocks,
		(nvmlDevice_t device, unsigned int minMemClockMHz, unsigned int maxMemClockMHz))
NVML_UNMODELLED(nvmlDeviceSetNvLinkDeviceLowPowerThreshold,
		(nvmlDevice_t device, nvmlNvLinkPowerThres_t *info))
NVML_UNMODELLED(nvmlDeviceSetNvLinkUtilizationControl,
		(nvmlDevice_t device, unsigned int link, unsigned int counter,
		 nvmlNvLinkUtilizationControl_t *control, unsigned int reset))
NVML_UNMODELLED(nvmlDeviceSetNvlinkBwMode, (nvmlDevice_t device, nvmlNvlinkSetBwMode_t *setBwMode))
NVML_UNMODELLED(nvmlDeviceSetPersistenceMode, (nvmlDevice_t device, nvmlEnableState_t mode))
NVML_UNMODELLED(nvmlDeviceSetPowerManagementLimit, (nvmlDevice_t device, unsigned int limit))
NVML_UNMODELLED(nvmlDeviceSetPowerManagementLimit_v2,
		(nvmlDevice_t device, nvmlPowerValue_v2_t *powerValue))
NVML_UNMODELLED(nvmlDeviceSetPowerMizerMode_v1,
		(nvmlDevice_t device, nvmlDevicePowerMizerModes_v1_t *powerMizerMode))
NVML_UNMODELLED(nvmlDeviceSetPowerMode, (nvmlDevice_t device, unsigned int powerModeId))
NVML_UNMODELLED(nvmlDeviceSetRusdSettings_v1,
		(nvmlDevice_t device, nvmlRusdSettings_v1_t *settings))
NVML_UNMODELLED(nvmlDeviceSetTemperatureThreshold,
		(nvmlDevice_t device, nvmlTemperatureThresholds_t thresholdType, int *temp))
NVML_UNMODELLED(nvmlDeviceSetVgpuCapabilities,
		(nvmlDevice_t device, nvmlDeviceVgpuCapability_t capability,
		 nvmlEnableState_t state))
NVML_UNMODELLED(nvmlDeviceSetVgpuHeterogeneousMode,
		(nvmlDevice_t device, const nvmlVgpuHeterogeneousMode_t *pHeterogeneousMode))
NVML_UNMODELLED(nvmlDeviceSetVgpuSchedulerState,
		(nvmlDevice_t device, nvmlVgpuSchedulerSetState_t *pSchedulerState))
NVML_UNMODELLED(nvmlDeviceSetVgpuSchedulerState_v2,
		(nvmlDevice_t device, nvmlVgpuSchedulerState_v2_t *pSchedulerState))
NVML_UNMODELLED(nvmlDeviceSetVirtualizationMode,
		(nvmlDevice_t device, nvmlGpuVirtualizationMode_t virtualMode))
NVML_UNMODELLED(nvmlDeviceValidateInforom, (nvmlDevice_t device))
NVML_UNMODELLED(nvmlDeviceVgpuForceGspUnload, (nvmlDevice_t device))
NVML_UNMODELLED(nvmlDeviceWorkloadPowerProfileClearRequestedProfiles,
		(nvmlDevice_t device,
		 nvmlWorkloadPowerProfileRequestedProfiles_t *requestedProfiles))
NVML_UNMODELLED(nvmlDeviceWorkloadPowerProfileGetCurrentProfiles,
		(nvmlDevice_t device, nvmlWorkloadPowerProfileCurrentProfiles_t *currentProfiles))
NVML_UNMODELLED(nvmlDeviceWorkloadPowerProfileGetProfilesInfo,
		(nvmlDevice_t device, nvmlWorkloadPowerProfileProfilesInfo_t *profilesInfo))
NVML_UNMODELLED(nvmlDeviceWorkloadPowerProfileSetRequestedProfiles,
		(nvmlDevice_t device,
		 nvmlWorkloadPowerProfileRequestedProfiles_t *requestedProfiles))
NVML_UNMODELLED(nvmlDeviceWorkloadPowerProfileUpdateProfiles_v1,
		(nvmlDevice_t device, nvmlWorkloadPowerProfileUpdateProfiles_v1_t *updateProfiles))
