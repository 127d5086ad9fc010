/** The capacity rules (see docs/rules.md): HA admission control and N+1 (docs/design/algorithms.md#1-ha-admission-control, docs/design/domain.md#rule-5-failover-capacity-n1). */

import type { AnalysisRule } from '../../rule';
import { admissionControlDisabled } from './admission-control-disabled';
import { failoverHostRunsVms } from './failover-host-runs-vms';
import { haAdmissionControl } from './ha-admission-control';
import { haCapacityReport } from './ha-capacity-report';
import { n1Capacity } from './n1-capacity';
import { n1Headroom } from './n1-headroom';

export const CAPACITY_RULES: readonly AnalysisRule[] = [
  haCapacityReport,
  haAdmissionControl,
  admissionControlDisabled,
  failoverHostRunsVms,
  n1Capacity,
  n1Headroom,
];
