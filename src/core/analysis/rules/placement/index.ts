/** The placement rules (see docs/rules.md): anti-affinity, guest clusters, restart order, heartbeats, management server. */

import type { AnalysisRule } from '../../rule';
import { antiAffinityInsufficientHosts } from './anti-affinity-insufficient-hosts';
import { antiAffinitySameHost } from './anti-affinity-same-host';
import { criticalPeersSameHost } from './critical-peers-same-host';
import { guestClusterRoleMismatch } from './guest-cluster-role-mismatch';
import { guestClusterSharedDisk } from './guest-cluster-shared-disk';
import { guestClusterSize } from './guest-cluster-size';
import { guestClusterVnics } from './guest-cluster-vnics';
import { heartbeatDatastores } from './heartbeat-datastores';
import { managementMissing } from './management-missing';
import { managementOnLocalStorage } from './management-on-local-storage';
import { managementRestartPriority } from './management-restart-priority';
import { managementSelfDependency } from './management-self-dependency';
import { restartDependencyCycle } from './restart-dependency-cycle';
import { restartDependencyPriority } from './restart-dependency-priority';
import { vmHostMustTooFewHosts } from './vm-host-must-too-few-hosts';

export const PLACEMENT_RULES: readonly AnalysisRule[] = [
  antiAffinitySameHost,
  criticalPeersSameHost,
  antiAffinityInsufficientHosts,
  vmHostMustTooFewHosts,
  guestClusterSize,
  guestClusterVnics,
  guestClusterSharedDisk,
  guestClusterRoleMismatch,
  restartDependencyCycle,
  restartDependencyPriority,
  heartbeatDatastores,
  managementMissing,
  managementOnLocalStorage,
  managementRestartPriority,
  managementSelfDependency,
];
