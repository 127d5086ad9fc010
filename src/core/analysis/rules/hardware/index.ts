/** The hardware rules: host adapters, storage throughput and iSCSI networking (see docs/rules.md). */

import type { AnalysisRule } from '../../rule';
import { arrayPresetMismatch } from './array-preset-mismatch';
import { arrayThroughputMinimum } from './array-throughput-minimum';
import { hbaMixedFirmware } from './hba-mixed-firmware';
import { hbaRedundancy } from './hba-redundancy';
import { iscsiPortBinding } from './iscsi-port-binding';
import { iscsiSharedNetwork } from './iscsi-shared-network';
import { iscsiSingleSubnet } from './iscsi-single-subnet';
import { mtuMismatch } from './mtu-mismatch';
import { storageDemandExceedsCapacity } from './storage-demand-exceeds-capacity';

export const HARDWARE_RULES: readonly AnalysisRule[] = [
  hbaRedundancy,
  hbaMixedFirmware,
  arrayThroughputMinimum,
  arrayPresetMismatch,
  storageDemandExceedsCapacity,
  iscsiPortBinding,
  iscsiSingleSubnet,
  mtuMismatch,
  iscsiSharedNetwork,
];
