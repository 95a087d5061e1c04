/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The nvmlDeviceGet* functions the simulator does not model.
 * An X-macro list without include guard: the includer defines
 * NVML_UNMODELLED(name, params) (nvml_abi_unmodelled.h turns each entry into a prototype,
 * sim/sim_unmodelled.c into a definition that returns NVML_ERROR_NOT_SUPPORTED).
 */

#ifndef NVML_UNMODELLED
#error "define NVML_UNMODELLED(name, params) before including this list"
#endif

NVML_UNMODELLED(nvmlDeviceGetAPIRestriction,
		(nvmlDevice_t device, nvmlRestrictedAPI_t apiType, nvmlEnableState_t *isRestricted))
NVML_UNMODELLED(nvmlDeviceGetAccountingBufferSize, (nvmlDevice_t device, unsigned int *bufferSize))
NVML_UNMODELLED(nvmlDeviceGetAccountingMode, (nvmlDevice_t device, nvmlEnableState_t *mode))
NVML_UNMODELLED(nvmlDeviceGetAccountingPids,
		(nvmlDevice_t device, unsigned int *count, unsigned int *pids))
NVML_UNMODELLED(nvmlDeviceGetAccountingStats,
		(nvmlDevice_t device, unsigned int pid, nvmlAccountingStats_t *stats))
NVML_UNMODELLED(nvmlDeviceGetAccountingStats_v2,
		(nvmlDevice_t device, unsigned int pid, nvmlAccountingStats_v2_t *stats))
NVML_UNMODELLED(nvmlDeviceGetActiveVgpus,
		(nvmlDevice_t device, unsigned int *vgpuCount, nvmlVgpuInstance_t *vgpuInstances))
NVML_UNMODELLED(nvmlDeviceGetAdaptiveClockInfoStatus,
		(nvmlDevice_t device, unsigned int *adaptiveClockStatus))
NVML_UNMODELLED(nvmlDeviceGetAddressingMode,
		(nvmlDevice_t device, nvmlDeviceAddressingMode_t *mode))
NVML_UNMODELLED(nvmlDeviceGetApplicationsClock,
		(nvmlDevice_t device, nvmlClockType_t clockType, unsigned int *clockMHz))
NVML_UNMODELLED(nvmlDeviceGetAutoBoostedClocksEnabled,
		(nvmlDevice_t device, nvmlEnableState_t *isEnabled,
		 nvmlEnableState_t *defaultIsEnabled))
NVML_UNMODELLED(nvmlDeviceGetBAR1MemoryInfo, (nvmlDevice_t device, nvmlBAR1Memory_t *bar1Memory))
NVML_UNMODELLED(nvmlDeviceGetBBXTimeData_v1, (nvmlDevice_t device, nvmlBBXTimeData_v1_t *timeData))
NVML_UNMODELLED(nvmlDeviceGetBoardId, (nvmlDevice_t device, unsigned int *boardId))
NVML_UNMODELLED(nvmlDeviceGetBoardPartNumber,
		(nvmlDevice_t device, char *partNumber, unsigned int length))
NVML_UNMODELLED(nvmlDeviceGetBrand, (nvmlDevice_t device, nvmlBrandType_t *type))
NVML_UNMODELLED(nvmlDeviceGetBridgeChipInfo,
		(nvmlDevice_t device, nvmlBridgeChipHierarchy_t *bridgeHierarchy))
NVML_UNMODELLED(nvmlDeviceGetBusType, (nvmlDevice_t device, nvmlBusType_t *type))
NVML_UNMODELLED(nvmlDeviceGetC2cModeInfoV, (nvmlDevice_t device, nvmlC2cModeInfo_v1_t *c2cModeInfo))
NVML_UNMODELLED(nvmlDeviceGetCapabilities, (nvmlDevice_t device, nvmlDeviceCapabilities_t *caps))
NVML_UNMODELLED(nvmlDeviceGetClkMonStatus, (nvmlDevice_t device, nvmlClkMonStatus_t *status))
NVML_UNMODELLED(nvmlDeviceGetClock, (nvmlDevice_t device, nvmlClockType_t clockType,
				     nvmlClockId_t clockId, unsigned int *clockMHz))
NVML_UNMODELLED(nvmlDeviceGetClockInfo,
		(nvmlDevice_t device, nvmlClockType_t type, unsigned int *clock))
NVML_UNMODELLED(nvmlDeviceGetClockOffsets, (nvmlDevice_t device, nvmlClockOffset_t *info))
NVML_UNMODELLED(nvmlDeviceGetComputeMode, (nvmlDevice_t device, nvmlComputeMode_t *mode))
NVML_UNMODELLED(nvmlDeviceGetConfComputeGpuAttestationReport,
		(nvmlDevice_t device, nvmlConfComputeGpuAttestationReport_t *gpuAtstReport))
NVML_UNMODELLED(nvmlDeviceGetConfComputeGpuCertificate,
		(nvmlDevice_t device, nvmlConfComputeGpuCertificate_t *gpuCert))
NVML_UNMODELLED(nvmlDeviceGetConfComputeMemSizeInfo,
		(nvmlDevice_t device, nvmlConfComputeMemSizeInfo_t *memInfo))
NVML_UNMODELLED(nvmlDeviceGetConfComputeProtectedMemoryUsage,
		(nvmlDevice_t device, nvmlMemory_t *memory))
NVML_UNMODELLED(nvmlDeviceGetCoolerInfo, (nvmlDevice_t device, nvmlCoolerInfo_t *coolerInfo))
NVML_UNMODELLED(nvmlDeviceGetCpuAffinity,
		(nvmlDevice_t device, unsigned int cpuSetSize, unsigned long *cpuSet))
NVML_UNMODELLED(nvmlDeviceGetCpuAffinityWithinScope,
		(nvmlDevice_t device, unsigned int cpuSetSize, unsigned long *cpuSet,
		 nvmlAffinityScope_t scope))
NVML_UNMODELLED(nvmlDeviceGetCreatableVgpus,
		(nvmlDevice_t device, unsigned int *vgpuCount, nvmlVgpuTypeId_t *vgpuTypeIds))
NVML_UNMODELLED(nvmlDeviceGetCurrPcieLinkGeneration,
		(nvmlDevice_t device, unsigned int *currLinkGen))
NVML_UNMODELLED(nvmlDeviceGetCurrPcieLinkWidth, (nvmlDevice_t device, unsigned int *currLinkWidth))
NVML_UNMODELLED(nvmlDeviceGetCurrentClockFreqs,
		(nvmlDevice_t device, nvmlDeviceCurrentClockFreqs_t *currentClockFreqs))
NVML_UNMODELLED(nvmlDeviceGetCurrentClocksEventReasons,
		(nvmlDevice_t device, unsigned long long *clocksEventReasons))
NVML_UNMODELLED(nvmlDeviceGetCurrentClocksThrottleReasons,
		(nvmlDevice_t device, unsigned long long *clocksThrottleReasons))
NVML_UNMODELLED(nvmlDeviceGetDecoderUtilization,
		(nvmlDevice_t device, unsigned int *utilization, unsigned int *samplingPeriodUs))
NVML_UNMODELLED(nvmlDeviceGetDefaultApplicationsClock,
		(nvmlDevice_t device, nvmlClockType_t clockType, unsigned int *clockMHz))
NVML_UNMODELLED(nvmlDeviceGetDefaultEccMode, (nvmlDevice_t device, nvmlEnableState_t *defaultMode))
NVML_UNMODELLED(nvmlDeviceGetDetailedEccErrors,
		(nvmlDevice_t device, nvmlMemoryErrorType_t errorType,
		 nvmlEccCounterType_t counterType, nvmlEccErrorCounts_t *eccCounts))
NVML_UNMODELLED(nvmlDeviceGetDisplayActive, (nvmlDevice_t device, nvmlEnableState_t *isActive))
NVML_UNMODELLED(nvmlDeviceGetDisplayMode, (nvmlDevice_t device, nvmlEnableState_t *display))
NVML_UNMODELLED(nvmlDeviceGetDramEncryptionMode,
		(nvmlDevice_t device, nvmlDramEncryptionInfo_t *current,
		 nvmlDramEncryptionInfo_t *pending))
NVML_UNMODELLED(nvmlDeviceGetDriverModel,
		(nvmlDevice_t device, nvmlDriverModel_t *current, nvmlDriverModel_t *pending))
NVML_UNMODELLED(nvmlDeviceGetDriverModel_v2,
		(nvmlDevice_t device, nvmlDriverModel_t *current, nvmlDriverModel_t *pending))
NVML_UNMODELLED(nvmlDeviceGetDynamicPstatesInfo,
		(nvmlDevice_t device, nvmlGpuDynamicPstatesInfo_t *pDynamicPstatesInfo))
NVML_UNMODELLED(nvmlDeviceGetEccMode,
		(nvmlDevice_t device, nvmlEnableState_t *current, nvmlEnableState_t *pending))
NVML_UNMODELLED(nvmlDeviceGetEncoderCapacity,
		(nvmlDevice_t device, nvmlEncoderType_t encoderQueryType,
		 unsigned int *encoderCapacity))
NVML_UNMODELLED(nvmlDeviceGetEncoderSessions, (nvmlDevice_t device, unsigned int *sessionCount,
					       nvmlEncoderSessionInfo_t *sessionInfos))
NVML_UNMODELLED(nvmlDeviceGetEncoderStats, (nvmlDevice_t device, unsigned int *sessionCount,
					    unsigned int *averageFps, unsigned int *averageLatency))
NVML_UNMODELLED(nvmlDeviceGetEncoderUtilization,
		(nvmlDevice_t device, unsigned int *utilization, unsigned int *samplingPeriodUs))
NVML_UNMODELLED(nvmlDeviceGetEnforcedPowerLimit, (nvmlDevice_t device, unsigned int *limit))
NVML_UNMODELLED(nvmlDeviceGetFBCSessions, (nvmlDevice_t device, unsigned int *sessionCount,
					   nvmlFBCSessionInfo_t *sessionInfo))
NVML_UNMODELLED(nvmlDeviceGetFBCStats, (nvmlDevice_t device, nvmlFBCStats_t *fbcStats))
NVML_UNMODELLED(nvmlDeviceGetFanControlPolicy_v2,
		(nvmlDevice_t device, unsigned int fan, nvmlFanControlPolicy_t *policy))
NVML_UNMODELLED(nvmlDeviceGetFanSpeed, (nvmlDevice_t device, unsigned int *speed))
NVML_UNMODELLED(nvmlDeviceGetFanSpeedRPM, (nvmlDevice_t device, nvmlFanSpeedInfo_t *fanSpeed))
NVML_UNMODELLED(nvmlDeviceGetFanSpeed_v2,
		(nvmlDevice_t device, unsigned int fan, unsigned int *speed))
NVML_UNMODELLED(nvmlDeviceGetFieldValues,
		(nvmlDevice_t device, int valuesCount, nvmlFieldValue_t *values))
NVML_UNMODELLED(nvmlDeviceGetGpcClkMinMaxVfOffset,
		(nvmlDevice_t device, int *minOffset, int *maxOffset))
NVML_UNMODELLED(nvmlDeviceGetGpcClkVfOffset, (nvmlDevice_t device, int *offset))
NVML_UNMODELLED(nvmlDeviceGetGpuFabricInfo,
		(nvmlDevice_t device, nvmlGpuFabricInfo_t *gpuFabricInfo))
NVML_UNMODELLED(nvmlDeviceGetGpuFabricInfoV,
		(nvmlDevice_t device, nvmlGpuFabricInfoV_t *gpuFabricInfo))
NVML_UNMODELLED(nvmlDeviceGetGpuMaxPcieLinkGeneration,
		(nvmlDevice_t device, unsigned int *maxLinkGenDevice))
NVML_UNMODELLED(nvmlDeviceGetGpuOperationMode,
		(nvmlDevice_t device, nvmlGpuOperationMode_t *current,
		 nvmlGpuOperationMode_t *pending))
NVML_UNMODELLED(nvmlDeviceGetGridLicensableFeatures,
		(nvmlDevice_t device, nvmlGridLicensableFeatures_t *pGridLicensableFeatures))
NVML_UNMODELLED(nvmlDeviceGetGridLicensableFeatures_v2,
		(nvmlDevice_t device, nvmlGridLicensableFeatures_t *pGridLicensableFeatures))
NVML_UNMODELLED(nvmlDeviceGetGridLicensableFeatures_v3,
		(nvmlDevice_t device, nvmlGridLicensableFeatures_t *pGridLicensableFeatures))
NVML_UNMODELLED(nvmlDeviceGetGridLicensableFeatures_v4,
		(nvmlDevice_t device, nvmlGridLicensableFeatures_t *pGridLicensableFeatures))
NVML_UNMODELLED(nvmlDeviceGetGspFirmwareMode,
		(nvmlDevice_t device, unsigned int *isEnabled, unsigned int *defaultMode))
NVML_UNMODELLED(nvmlDeviceGetGspFirmwareVersion, (nvmlDevice_t device, char *version))
NVML_UNMODELLED(nvmlDeviceGetHandleBySerial, (const char *serial, nvmlDevice_t *device))
NVML_UNMODELLED(nvmlDeviceGetHandleByUUIDV, (const nvmlUUID_t *uuid, nvmlDevice_t *device))
NVML_UNMODELLED(nvmlDeviceGetHostVgpuMode, (nvmlDevice_t device, nvmlHostVgpuMode_t *pHostVgpuMode))
NVML_UNMODELLED(nvmlDeviceGetHostname_v1, (nvmlDevice_t device, nvmlHostname_v1_t *hostname))
NVML_UNMODELLED(nvmlDeviceGetInforomConfigurationChecksum,
		(nvmlDevice_t device, unsigned int *checksum))
NVML_UNMODELLED(nvmlDeviceGetInforomImageVersion,
		(nvmlDevice_t device, char *version, unsigned int length))
NVML_UNMODELLED(nvmlDeviceGetInforomVersion, (nvmlDevice_t device, nvmlInforomObject_t object,
					      char *version, unsigned int length))
NVML_UNMODELLED(nvmlDeviceGetIrqNum, (nvmlDevice_t device, unsigned int *irqNum))
NVML_UNMODELLED(nvmlDeviceGetJpgUtilization,
		(nvmlDevice_t device, unsigned int *utilization, unsigned int *samplingPeriodUs))
NVML_UNMODELLED(nvmlDeviceGetLastBBXFlushTime,
		(nvmlDevice_t device, unsigned long long *timestamp, unsigned long *durationUs))
NVML_UNMODELLED(nvmlDeviceGetMarginTemperature,
		(nvmlDevice_t device, nvmlMarginTemperature_t *marginTempInfo))
NVML_UNMODELLED(nvmlDeviceGetMaxClockInfo,
		(nvmlDevice_t device, nvmlClockType_t type, unsigned int *clock))
NVML_UNMODELLED(nvmlDeviceGetMaxCustomerBoostClock,
		(nvmlDevice_t device, nvmlClockType_t clockType, unsigned int *clockMHz))
NVML_UNMODELLED(nvmlDeviceGetMaxPcieLinkGeneration, (nvmlDevice_t device, unsigned int *maxLinkGen))
NVML_UNMODELLED(nvmlDeviceGetMaxPcieLinkWidth, (nvmlDevice_t device, unsigned int *maxLinkWidth))
NVML_UNMODELLED(nvmlDeviceGetMemClkMinMaxVfOffset,
		(nvmlDevice_t device, int *minOffset, int *maxOffset))
NVML_UNMODELLED(nvmlDeviceGetMemClkVfOffset, (nvmlDevice_t device, int *offset))
NVML_UNMODELLED(nvmlDeviceGetMemoryAffinity, (nvmlDevice_t device, unsigned int nodeSetSize,
					      unsigned long *nodeSet, nvmlAffinityScope_t scope))
NVML_UNMODELLED(nvmlDeviceGetMemoryBusWidth, (nvmlDevice_t device, unsigned int *busWidth))
NVML_UNMODELLED(nvmlDeviceGetMemoryErrorCounter,
		(nvmlDevice_t device, nvmlMemoryErrorType_t errorType,
		 nvmlEccCounterType_t counterType, nvmlMemoryLocation_t locationType,
		 unsigned long long *count))
NVML_UNMODELLED(nvmlDeviceGetMinMaxClockOfPState,
		(nvmlDevice_t device, nvmlClockType_t type, nvmlPstates_t pstate,
		 unsigned int *minClockMHz, unsigned int *maxClockMHz))
NVML_UNMODELLED(nvmlDeviceGetMinMaxFanSpeed,
		(nvmlDevice_t device, unsigned int *minSpeed, unsigned int *maxSpeed))
NVML_UNMODELLED(nvmlDeviceGetModuleId, (nvmlDevice_t device, unsigned int *moduleId))
NVML_UNMODELLED(nvmlDeviceGetMultiGpuBoard, (nvmlDevice_t device, unsigned int *multiGpuBool))
NVML_UNMODELLED(nvmlDeviceGetNumFans, (nvmlDevice_t device, unsigned int *numFans))
NVML_UNMODELLED(nvmlDeviceGetNumGpuCores, (nvmlDevice_t device, unsigned int *numCores))
NVML_UNMODELLED(nvmlDeviceGetNumaNodeId, (nvmlDevice_t device, unsigned int *node))
NVML_UNMODELLED(nvmlDeviceGetNvLinkCapability,
		(nvmlDevice_t device, unsigned int link, nvmlNvLinkCapability_t capability,
		 unsigned int *capResult))
NVML_UNMODELLED(nvmlDeviceGetNvLinkErrorCounter,
		(nvmlDevice_t device, unsigned int link, nvmlNvLinkErrorCounter_t counter,
		 unsigned long long *counterValue))
NVML_UNMODELLED(nvmlDeviceGetNvLinkInfo, (nvmlDevice_t device, nvmlNvLinkInfo_t *info))
NVML_UNMODELLED(nvmlDeviceGetNvLinkRemoteDeviceType, (nvmlDevice_t device, unsigned int link,
						      nvmlIntNvLinkDeviceType_t *pNvLinkDeviceType))
NVML_UNMODELLED(nvmlDeviceGetNvLinkRemotePciInfo,
		(nvmlDevice_t device, unsigned int link, nvmlPciInfo_t *pci))
NVML_UNMODELLED(nvmlDeviceGetNvLinkRemotePciInfo_v2,
		(nvmlDevice_t device, unsigned int link, nvmlPciInfo_t *pci))
NVML_UNMODELLED(nvmlDeviceGetNvLinkState,
		(nvmlDevice_t device, unsigned int link, nvmlEnableState_t *isActive))
NVML_UNMODELLED(nvmlDeviceGetNvLinkUtilizationControl,
		(nvmlDevice_t device, unsigned int link, unsigned int counter,
		 nvmlNvLinkUtilizationControl_t *control))
NVML_UNMODELLED(nvmlDeviceGetNvLinkUtilizationCounter,
		(nvmlDevice_t device, unsigned int link, unsigned int counter,
		 unsigned long long *rxcounter, unsigned long long *txcounter))
NVML_UNMODELLED(nvmlDeviceGetNvLinkVersion,
		(nvmlDevice_t device, unsigned int link, unsigned int *version))
NVML_UNMODELLED(nvmlDeviceGetNvlinkBwMode, (nvmlDevice_t device, nvmlNvlinkGetBwMode_t *getBwMode))
NVML_UNMODELLED(nvmlDeviceGetNvlinkSupportedBwModes,
		(nvmlDevice_t device, nvmlNvlinkSupportedBwModes_t *supportedBwMode))
NVML_UNMODELLED(nvmlDeviceGetOfaUtilization,
		(nvmlDevice_t device, unsigned int *utilization, unsigned int *samplingPeriodUs))
NVML_UNMODELLED(nvmlDeviceGetP2PStatus,
		(nvmlDevice_t device1, nvmlDevice_t device2, nvmlGpuP2PCapsIndex_t p2pIndex,
		 nvmlGpuP2PStatus_t *p2pStatus))
NVML_UNMODELLED(nvmlDeviceGetPciInfoExt, (nvmlDevice_t device, nvmlPciInfoExt_t *pci))
NVML_UNMODELLED(nvmlDeviceGetPcieLinkMaxSpeed, (nvmlDevice_t device, unsigned int *maxSpeed))
NVML_UNMODELLED(nvmlDeviceGetPcieReplayCounter, (nvmlDevice_t device, unsigned int *value))
NVML_UNMODELLED(nvmlDeviceGetPcieSpeed, (nvmlDevice_t device, unsigned int *pcieSpeed))
NVML_UNMODELLED(nvmlDeviceGetPcieThroughput,
		(nvmlDevice_t device, nvmlPcieUtilCounter_t counter, unsigned int *value))
NVML_UNMODELLED(nvmlDeviceGetPdi, (nvmlDevice_t device, nvmlPdi_t *pdi))
NVML_UNMODELLED(nvmlDeviceGetPerformanceModes,
		(nvmlDevice_t device, nvmlDevicePerfModes_t *perfModes))
NVML_UNMODELLED(nvmlDeviceGetPerformanceState, (nvmlDevice_t device, nvmlPstates_t *pState))
NVML_UNMODELLED(nvmlDeviceGetPersistenceMode, (nvmlDevice_t device, nvmlEnableState_t *mode))
NVML_UNMODELLED(nvmlDeviceGetPgpuMetadataString,
		(nvmlDevice_t device, char *pgpuMetadata, unsigned int *bufferSize))
NVML_UNMODELLED(nvmlDeviceGetPlatformInfo, (nvmlDevice_t device, nvmlPlatformInfo_t *platformInfo))
NVML_UNMODELLED(nvmlDeviceGetPowerManagementDefaultLimit,
		(nvmlDevice_t device, unsigned int *defaultLimit))
NVML_UNMODELLED(nvmlDeviceGetPowerManagementLimit, (nvmlDevice_t device, unsigned int *limit))
NVML_UNMODELLED(nvmlDeviceGetPowerManagementLimitConstraints,
		(nvmlDevice_t device, unsigned int *minLimit, unsigned int *maxLimit))
NVML_UNMODELLED(nvmlDeviceGetPowerManagementMode, (nvmlDevice_t device, nvmlEnableState_t *mode))
NVML_UNMODELLED(nvmlDeviceGetPowerMizerMode_v1,
		(nvmlDevice_t device, nvmlDevicePowerMizerModes_v1_t *powerMizerMode))
NVML_UNMODELLED(nvmlDeviceGetPowerMode, (nvmlDevice_t device, unsigned int *powerModeId))
NVML_UNMODELLED(nvmlDeviceGetPowerSource, (nvmlDevice_t device, nvmlPowerSource_t *powerSource))
NVML_UNMODELLED(nvmlDeviceGetPowerState, (nvmlDevice_t device, nvmlPstates_t *pState))
NVML_UNMODELLED(nvmlDeviceGetPowerUsage, (nvmlDevice_t device, unsigned int *power))
NVML_UNMODELLED(nvmlDeviceGetProcessUtilization,
		(nvmlDevice_t device, nvmlProcessUtilizationSample_t *utilization,
		 unsigned int *processSamplesCount, unsigned long long lastSeenTimeStamp))
NVML_UNMODELLED(nvmlDeviceGetProcessesUtilizationInfo,
		(nvmlDevice_t device, nvmlProcessesUtilizationInfo_t *procesesUtilInfo))
NVML_UNMODELLED(nvmlDeviceGetRemappedRows,
		(nvmlDevice_t device, unsigned int *corrRows, unsigned int *uncRows,
		 unsigned int *isPending, unsigned int *failureOccurred))
NVML_UNMODELLED(nvmlDeviceGetRemappedRows_v2,
		(nvmlDevice_t device, nvmlRemappedRowsInfo_v2_t *info))
NVML_UNMODELLED(nvmlDeviceGetRepairStatus, (nvmlDevice_t device, nvmlRepairStatus_t *repairStatus))
NVML_UNMODELLED(nvmlDeviceGetRetiredPages, (nvmlDevice_t device, nvmlPageRetirementCause_t cause,
					    unsigned int *pageCount, unsigned long long *addresses))
NVML_UNMODELLED(nvmlDeviceGetRetiredPagesPendingStatus,
		(nvmlDevice_t device, nvmlEnableState_t *isPending))
NVML_UNMODELLED(nvmlDeviceGetRetiredPages_v2,
		(nvmlDevice_t device, nvmlPageRetirementCause_t cause, unsigned int *pageCount,
		 unsigned long long *addresses, unsigned long long *timestamps))
NVML_UNMODELLED(nvmlDeviceGetRowRemapperHistogram,
		(nvmlDevice_t device, nvmlRowRemapperHistogramValues_t *values))
NVML_UNMODELLED(nvmlDeviceGetRunningProcessDetailList,
		(nvmlDevice_t device, nvmlProcessDetailList_t *plist))
NVML_UNMODELLED(nvmlDeviceGetSamples,
		(nvmlDevice_t device, nvmlSamplingType_t type, unsigned long long lastSeenTimeStamp,
		 nvmlValueType_t *sampleValType, unsigned int *sampleCount, nvmlSample_t *samples))
NVML_UNMODELLED(nvmlDeviceGetSerial, (nvmlDevice_t device, char *serial, unsigned int length))
NVML_UNMODELLED(nvmlDeviceGetSramEccErrorStatus,
		(nvmlDevice_t device, nvmlEccSramErrorStatus_t *status))
NVML_UNMODELLED(nvmlDeviceGetSramUniqueUncorrectedEccErrorCounts,
		(nvmlDevice_t device, nvmlEccSramUniqueUncorrectedErrorCounts_t *errorCounts))
NVML_UNMODELLED(nvmlDeviceGetSupportedClocksEventReasons,
		(nvmlDevice_t device, unsigned long long *supportedClocksEventReasons))
NVML_UNMODELLED(nvmlDeviceGetSupportedClocksThrottleReasons,
		(nvmlDevice_t device, unsigned long long *supportedClocksThrottleReasons))
NVML_UNMODELLED(nvmlDeviceGetSupportedGraphicsClocks,
		(nvmlDevice_t device, unsigned int memoryClockMHz, unsigned int *count,
		 unsigned int *clocksMHz))
NVML_UNMODELLED(nvmlDeviceGetSupportedMemoryClocks,
		(nvmlDevice_t device, unsigned int *count, unsigned int *clocksMHz))
NVML_UNMODELLED(nvmlDeviceGetSupportedPerformanceStates,
		(nvmlDevice_t device, nvmlPstates_t *pstates, unsigned int size))
NVML_UNMODELLED(nvmlDeviceGetSupportedPowerModes,
		(nvmlDevice_t device, unsigned int *supportedPowerModes))
NVML_UNMODELLED(nvmlDeviceGetSupportedVgpus,
		(nvmlDevice_t device, unsigned int *vgpuCount, nvmlVgpuTypeId_t *vgpuTypeIds))
NVML_UNMODELLED(nvmlDeviceGetTargetFanSpeed,
		(nvmlDevice_t device, unsigned int fan, unsigned int *targetSpeed))
NVML_UNMODELLED(nvmlDeviceGetTemperature,
		(nvmlDevice_t device, nvmlTemperatureSensors_t sensorType, unsigned int *temp))
NVML_UNMODELLED(nvmlDeviceGetTemperatureThreshold,
		(nvmlDevice_t device, nvmlTemperatureThresholds_t thresholdType,
		 unsigned int *temp))
NVML_UNMODELLED(nvmlDeviceGetTemperatureV, (nvmlDevice_t device, nvmlTemperature_t *temperature))
NVML_UNMODELLED(nvmlDeviceGetThermalSettings, (nvmlDevice_t device, unsigned int sensorIndex,
					       nvmlGpuThermalSettings_t *pThermalSettings))
NVML_UNMODELLED(nvmlDeviceGetTopologyCommonAncestor,
		(nvmlDevice_t device1, nvmlDevice_t device2, nvmlGpuTopologyLevel_t *pathInfo))
NVML_UNMODELLED(nvmlDeviceGetTopologyNearestGpus,
		(nvmlDevice_t device, nvmlGpuTopologyLevel_t level, unsigned int *count,
		 nvmlDevice_t *deviceArray))
NVML_UNMODELLED(nvmlDeviceGetTotalEccErrors,
		(nvmlDevice_t device, nvmlMemoryErrorType_t errorType,
		 nvmlEccCounterType_t counterType, unsigned long long *eccCounts))
NVML_UNMODELLED(nvmlDeviceGetTotalEnergyConsumption,
		(nvmlDevice_t device, unsigned long long *energy))
NVML_UNMODELLED(nvmlDeviceGetUnrepairableMemoryFlag_v1,
		(nvmlDevice_t device, nvmlUnrepairableMemoryStatus_v1_t *unrepairableMemoryStatus))
NVML_UNMODELLED(nvmlDeviceGetVbiosVersion,
		(nvmlDevice_t device, char *version, unsigned int length))
NVML_UNMODELLED(nvmlDeviceGetVgpuCapabilities,
		(nvmlDevice_t device, nvmlDeviceVgpuCapability_t capability,
		 unsigned int *capResult))
NVML_UNMODELLED(nvmlDeviceGetVgpuHeterogeneousMode,
		(nvmlDevice_t device, nvmlVgpuHeterogeneousMode_t *pHeterogeneousMode))
NVML_UNMODELLED(nvmlDeviceGetVgpuInstancesUtilizationInfo,
		(nvmlDevice_t device, nvmlVgpuInstancesUtilizationInfo_t *vgpuUtilInfo))
NVML_UNMODELLED(nvmlDeviceGetVgpuMetadata,
		(nvmlDevice_t device, nvmlVgpuPgpuMetadata_t *pgpuMetadata,
		 unsigned int *bufferSize))
NVML_UNMODELLED(nvmlDeviceGetVgpuProcessUtilization,
		(nvmlDevice_t device, unsigned long long lastSeenTimeStamp,
		 unsigned int *vgpuProcessSamplesCount,
		 nvmlVgpuProcessUtilizationSample_t *utilizationSamples))
NVML_UNMODELLED(nvmlDeviceGetVgpuProcessesUtilizationInfo,
		(nvmlDevice_t device, nvmlVgpuProcessesUtilizationInfo_t *vgpuProcUtilInfo))
NVML_UNMODELLED(nvmlDeviceGetVgpuSchedulerCapabilities,
		(nvmlDevice_t device, nvmlVgpuSchedulerCapabilities_t *pCapabilities))
NVML_UNMODELLED(nvmlDeviceGetVgpuSchedulerLog,
		(nvmlDevice_t device, nvmlVgpuSchedulerLog_t *pSchedulerLog))
NVML_UNMODELLED(nvmlDeviceGetVgpuSchedulerLog_v2,
		(nvmlDevice_t device, nvmlVgpuSchedulerLogInfo_v2_t *pSchedulerLogInfo))
NVML_UNMODELLED(nvmlDeviceGetVgpuSchedulerState,
		(nvmlDevice_t device, nvmlVgpuSchedulerGetState_t *pSchedulerState))
NVML_UNMODELLED(nvmlDeviceGetVgpuSchedulerState_v2,
		(nvmlDevice_t device, nvmlVgpuSchedulerStateInfo_v2_t *pSchedulerStateInfo))
NVML_UNMODELLED(nvmlDeviceGetVgpuTypeCreatablePlacements,
		(nvmlDevice_t device, nvmlVgpuTypeId_t vgpuTypeId,
		 nvmlVgpuPlacementList_t *pPlacementList))
NVML_UNMODELLED(nvmlDeviceGetVgpuTypeSupportedPlacements,
		(nvmlDevice_t device, nvmlVgpuTypeId_t vgpuTypeId,
		 nvmlVgpuPlacementList_t *pPlacementList))
NVML_UNMODELLED(nvmlDeviceGetVgpuUtilization,
		(nvmlDevice_t device, unsigned long long lastSeenTimeStamp,
		 nvmlValueType_t *sampleValType, unsigned int *vgpuInstanceSamplesCount,
		 nvmlVgpuInstanceUtilizationSample_t *utilizationSamples))
NVML_UNMODELLED(nvmlDeviceGetViolationStatus,
		(nvmlDevice_t device, nvmlPerfPolicyType_t perfPolicyType,
		 nvmlViolationTime_t *violTime))
NVML_UNMODELLED(nvmlDeviceGetVirtualizationMode,
		(nvmlDevice_t device, nvmlGpuVirtualizationMode_t *pVirtualMode))
