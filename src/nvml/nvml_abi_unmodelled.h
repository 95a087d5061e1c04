/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_NVML_ABI_UNMODELLED_H
#define MIGCTL_NVML_ABI_UNMODELLED_H

/*
 * Declarations of the part of the NVML surface that migctl does not use and the simulator does
 * not model: a real libnvidia-ml.so.1 exports these names, and clients that bind lazily (go-nvml)
 * abort on a missing symbol, so the simulator must export them too. Each is declared with its
 * real C signature (NVML 13.x), taken from the public bindings of the NVML headers. Types that
 * only appear here are declared opaque: structs are incomplete (they travel by pointer only) and
 * enums are int-sized integers, which is how the C ABI passes them.
 *
 * A few signatures are newer than any binding we could read in full and are recorded as best
 * known: nvmlDeviceGetAccountingStats_v2, nvmlDeviceGetRemappedRows_v2,
 * nvmlGpmQueryIfStreamingEnabled, nvmlGpmSetStreamingEnabled. They return NOT_SUPPORTED without
 * reading their arguments, so a difference cannot hurt a caller.
 */

#ifndef MIGCTL_NVML_ABI_H
#error "include nvml_abi.h, not nvml_abi_unmodelled.h"
#endif

/* Handles */
typedef struct nvmlUnit_st *nvmlUnit_t;
typedef struct nvmlGpmSample_st *nvmlGpmSample_t;

/* Integer types (typedefs of unsigned int in nvml.h) */
typedef unsigned int nvmlAffinityScope_t;
typedef unsigned int nvmlBusType_t;
typedef unsigned int nvmlFanControlPolicy_t;
typedef unsigned int nvmlPowerSource_t;
typedef unsigned int nvmlVgpuInstance_t;
typedef unsigned int nvmlVgpuTypeId_t;

/* Enums (int-sized) */
typedef int nvmlBrandType_t;
typedef int nvmlClockId_t;
typedef int nvmlComputeMode_t;
typedef int nvmlDetachGpuState_t;
typedef int nvmlDeviceVgpuCapability_t;
typedef int nvmlDriverModel_t;
typedef int nvmlEccCounterType_t;
typedef int nvmlEnableState_t;
typedef int nvmlEncoderType_t;
typedef int nvmlGpuOperationMode_t;
typedef int nvmlGpuP2PCapsIndex_t;
typedef int nvmlGpuP2PStatus_t;
typedef int nvmlGpuTopologyLevel_t;
typedef int nvmlGpuVirtualizationMode_t;
typedef int nvmlHostVgpuMode_t;
typedef int nvmlInforomObject_t;
typedef int nvmlIntNvLinkDeviceType_t;
typedef int nvmlLedColor_t;
typedef int nvmlMemoryErrorType_t;
typedef int nvmlMemoryLocation_t;
typedef int nvmlNvLinkCapability_t;
typedef int nvmlNvLinkErrorCounter_t;
typedef int nvmlPageRetirementCause_t;
typedef int nvmlPcieLinkState_t;
typedef int nvmlPerfPolicyType_t;
typedef int nvmlPstates_t;
typedef int nvmlRestrictedAPI_t;
typedef int nvmlSamplingType_t;
typedef int nvmlValueType_t;
typedef int nvmlVgpuCapability_t;
typedef int nvmlVgpuDriverCapability_t;
typedef int nvmlVgpuVmIdType_t;

/* Structs passed by pointer only */
typedef struct nvmlAccountingStats_st nvmlAccountingStats_t;
typedef struct nvmlAccountingStats_v2_st nvmlAccountingStats_v2_t;
typedef struct nvmlActiveVgpuInstanceInfo_st nvmlActiveVgpuInstanceInfo_t;
typedef struct nvmlBAR1Memory_st nvmlBAR1Memory_t;
typedef struct nvmlBBXTimeData_v1_st nvmlBBXTimeData_v1_t;
typedef struct nvmlBridgeChipHierarchy_st nvmlBridgeChipHierarchy_t;
typedef struct nvmlC2cModeInfo_v1_st nvmlC2cModeInfo_v1_t;
typedef struct nvmlClkMonStatus_st nvmlClkMonStatus_t;
typedef struct nvmlClockOffset_st nvmlClockOffset_t;
typedef struct nvmlConfComputeGetKeyRotationThresholdInfo_st
	nvmlConfComputeGetKeyRotationThresholdInfo_t;
typedef struct nvmlConfComputeGpuAttestationReport_st nvmlConfComputeGpuAttestationReport_t;
typedef struct nvmlConfComputeGpuCertificate_st nvmlConfComputeGpuCertificate_t;
typedef struct nvmlConfComputeMemSizeInfo_st nvmlConfComputeMemSizeInfo_t;
typedef struct nvmlConfComputeSetKeyRotationThresholdInfo_st
	nvmlConfComputeSetKeyRotationThresholdInfo_t;
typedef struct nvmlConfComputeSystemCaps_st nvmlConfComputeSystemCaps_t;
typedef struct nvmlConfComputeSystemState_st nvmlConfComputeSystemState_t;
typedef struct nvmlCoolerInfo_st nvmlCoolerInfo_t;
typedef struct nvmlDeviceAddressingMode_st nvmlDeviceAddressingMode_t;
typedef struct nvmlDeviceCapabilities_st nvmlDeviceCapabilities_t;
typedef struct nvmlDeviceCurrentClockFreqs_st nvmlDeviceCurrentClockFreqs_t;
typedef struct nvmlDevicePerfModes_st nvmlDevicePerfModes_t;
typedef struct nvmlDevicePowerMizerModes_v1_st nvmlDevicePowerMizerModes_v1_t;
typedef struct nvmlDramEncryptionInfo_st nvmlDramEncryptionInfo_t;
typedef struct nvmlEccErrorCounts_st nvmlEccErrorCounts_t;
typedef struct nvmlEccSramErrorStatus_st nvmlEccSramErrorStatus_t;
typedef struct nvmlEccSramUniqueUncorrectedErrorCounts_st nvmlEccSramUniqueUncorrectedErrorCounts_t;
typedef struct nvmlEncoderSessionInfo_st nvmlEncoderSessionInfo_t;
typedef struct nvmlExcludedDeviceInfo_st nvmlExcludedDeviceInfo_t;
typedef struct nvmlFBCSessionInfo_st nvmlFBCSessionInfo_t;
typedef struct nvmlFBCStats_st nvmlFBCStats_t;
typedef struct nvmlFanSpeedInfo_st nvmlFanSpeedInfo_t;
typedef struct nvmlFieldValue_st nvmlFieldValue_t;
typedef struct nvmlGetCPER_v1_st nvmlGetCPER_v1_t;
typedef struct nvmlGpmMetricsGet_st nvmlGpmMetricsGet_t;
typedef struct nvmlGpmSupport_st nvmlGpmSupport_t;
typedef struct nvmlGpuDynamicPstatesInfo_st nvmlGpuDynamicPstatesInfo_t;
typedef struct nvmlGpuFabricInfoV_st nvmlGpuFabricInfoV_t;
typedef struct nvmlGpuFabricInfo_st nvmlGpuFabricInfo_t;
typedef struct nvmlGpuThermalSettings_st nvmlGpuThermalSettings_t;
typedef struct nvmlGridLicensableFeatures_st nvmlGridLicensableFeatures_t;
typedef struct nvmlHostname_v1_st nvmlHostname_v1_t;
typedef struct nvmlHwbcEntry_st nvmlHwbcEntry_t;
typedef struct nvmlLedState_st nvmlLedState_t;
typedef struct nvmlMarginTemperature_st nvmlMarginTemperature_t;
typedef struct nvmlNvLinkInfo_st nvmlNvLinkInfo_t;
typedef struct nvmlNvLinkPowerThres_st nvmlNvLinkPowerThres_t;
typedef struct nvmlNvLinkUtilizationControl_st nvmlNvLinkUtilizationControl_t;
typedef struct nvmlNvlinkGetBwMode_st nvmlNvlinkGetBwMode_t;
typedef struct nvmlNvlinkSetBwMode_st nvmlNvlinkSetBwMode_t;
typedef struct nvmlNvlinkSupportedBwModes_st nvmlNvlinkSupportedBwModes_t;
typedef struct nvmlPRMCounterList_v1_st nvmlPRMCounterList_v1_t;
typedef struct nvmlPRMTLV_v1_st nvmlPRMTLV_v1_t;
typedef struct nvmlPSUInfo_st nvmlPSUInfo_t;
typedef struct nvmlPciInfoExt_st nvmlPciInfoExt_t;
typedef struct nvmlPdi_st nvmlPdi_t;
typedef struct nvmlPlatformInfo_st nvmlPlatformInfo_t;
typedef struct nvmlPowerSmoothingProfile_st nvmlPowerSmoothingProfile_t;
typedef struct nvmlPowerSmoothingState_st nvmlPowerSmoothingState_t;
typedef struct nvmlPowerValue_v2_st nvmlPowerValue_v2_t;
typedef struct nvmlProcessDetailList_st nvmlProcessDetailList_t;
typedef struct nvmlProcessUtilizationSample_st nvmlProcessUtilizationSample_t;
typedef struct nvmlProcessesUtilizationInfo_st nvmlProcessesUtilizationInfo_t;
typedef struct nvmlRemappedRowsInfo_v2_st nvmlRemappedRowsInfo_v2_t;
typedef struct nvmlRepairStatus_st nvmlRepairStatus_t;
typedef struct nvmlRowRemapperHistogramValues_st nvmlRowRemapperHistogramValues_t;
typedef struct nvmlRusdSettings_v1_st nvmlRusdSettings_v1_t;
typedef struct nvmlSample_st nvmlSample_t;
typedef struct nvmlSystemConfComputeSettings_st nvmlSystemConfComputeSettings_t;
typedef struct nvmlSystemDriverBranchInfo_st nvmlSystemDriverBranchInfo_t;
typedef struct nvmlSystemEventSetCreateRequest_st nvmlSystemEventSetCreateRequest_t;
typedef struct nvmlSystemEventSetFreeRequest_st nvmlSystemEventSetFreeRequest_t;
typedef struct nvmlSystemEventSetWaitRequest_st nvmlSystemEventSetWaitRequest_t;
typedef struct nvmlSystemRegisterEventRequest_st nvmlSystemRegisterEventRequest_t;
typedef struct nvmlTemperature_st nvmlTemperature_t;
typedef struct nvmlUUID_st nvmlUUID_t;
typedef struct nvmlUnitFanSpeeds_st nvmlUnitFanSpeeds_t;
typedef struct nvmlUnitInfo_st nvmlUnitInfo_t;
typedef struct nvmlUnrepairableMemoryStatus_v1_st nvmlUnrepairableMemoryStatus_v1_t;
typedef struct nvmlVgpuCreatablePlacementInfo_st nvmlVgpuCreatablePlacementInfo_t;
typedef struct nvmlVgpuHeterogeneousMode_st nvmlVgpuHeterogeneousMode_t;
typedef struct nvmlVgpuInstanceUtilizationSample_st nvmlVgpuInstanceUtilizationSample_t;
typedef struct nvmlVgpuInstancesUtilizationInfo_st nvmlVgpuInstancesUtilizationInfo_t;
typedef struct nvmlVgpuLicenseInfo_st nvmlVgpuLicenseInfo_t;
typedef struct nvmlVgpuMetadata_st nvmlVgpuMetadata_t;
typedef struct nvmlVgpuPgpuCompatibility_st nvmlVgpuPgpuCompatibility_t;
typedef struct nvmlVgpuPgpuMetadata_st nvmlVgpuPgpuMetadata_t;
typedef struct nvmlVgpuPlacementId_st nvmlVgpuPlacementId_t;
typedef struct nvmlVgpuPlacementList_st nvmlVgpuPlacementList_t;
typedef struct nvmlVgpuProcessUtilizationSample_st nvmlVgpuProcessUtilizationSample_t;
typedef struct nvmlVgpuProcessesUtilizationInfo_st nvmlVgpuProcessesUtilizationInfo_t;
typedef struct nvmlVgpuRuntimeState_st nvmlVgpuRuntimeState_t;
typedef struct nvmlVgpuSchedulerCapabilities_st nvmlVgpuSchedulerCapabilities_t;
typedef struct nvmlVgpuSchedulerGetState_st nvmlVgpuSchedulerGetState_t;
typedef struct nvmlVgpuSchedulerLogInfo_st nvmlVgpuSchedulerLogInfo_t;
typedef struct nvmlVgpuSchedulerLogInfo_v2_st nvmlVgpuSchedulerLogInfo_v2_t;
typedef struct nvmlVgpuSchedulerLog_st nvmlVgpuSchedulerLog_t;
typedef struct nvmlVgpuSchedulerSetState_st nvmlVgpuSchedulerSetState_t;
typedef struct nvmlVgpuSchedulerStateInfo_st nvmlVgpuSchedulerStateInfo_t;
typedef struct nvmlVgpuSchedulerStateInfo_v2_st nvmlVgpuSchedulerStateInfo_v2_t;
typedef struct nvmlVgpuSchedulerState_st nvmlVgpuSchedulerState_t;
typedef struct nvmlVgpuSchedulerState_v2_st nvmlVgpuSchedulerState_v2_t;
typedef struct nvmlVgpuTypeBar1Info_st nvmlVgpuTypeBar1Info_t;
typedef struct nvmlVgpuTypeIdInfo_st nvmlVgpuTypeIdInfo_t;
typedef struct nvmlVgpuTypeMaxInstance_st nvmlVgpuTypeMaxInstance_t;
typedef struct nvmlVgpuVersion_st nvmlVgpuVersion_t;
typedef struct nvmlViolationTime_st nvmlViolationTime_t;
typedef struct nvmlWorkloadPowerProfileCurrentProfiles_st nvmlWorkloadPowerProfileCurrentProfiles_t;
typedef struct nvmlWorkloadPowerProfileProfilesInfo_st nvmlWorkloadPowerProfileProfilesInfo_t;
typedef struct nvmlWorkloadPowerProfileRequestedProfiles_st
	nvmlWorkloadPowerProfileRequestedProfiles_t;
typedef struct nvmlWorkloadPowerProfileUpdateProfiles_v1_st
	nvmlWorkloadPowerProfileUpdateProfiles_v1_t;

#define NVML_UNMODELLED(name, params) nvmlReturn_t name params;
#include "nvml_abi_unmodelled_get.h"
#include "nvml_abi_unmodelled_set.h"
#include "nvml_abi_unmodelled_misc.h"
#undef NVML_UNMODELLED

#endif
