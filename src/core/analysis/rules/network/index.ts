/**
 * The LAN rules (see docs/rules.md), over the LAN model (lan-network.ts): management
 * network redundancy, HA heartbeat paths and isolation, HA turned off, FT logging, VM
 * networks and guest-cluster heartbeats.
 */

import type { AnalysisRule } from '../../rule';
import { ftLoggingNetwork } from './ft-logging-network';
import { guestClusterHeartbeatOnClientNetwork } from './guest-cluster-heartbeat-on-client-network';
import { haDisabled } from './ha-disabled';
import { heartbeatSinglePath } from './heartbeat-single-path';
import { isolationResponseUnsafe } from './isolation-response-unsafe';
import { managementNetworkSpof } from './management-network-spof';
import { managementSingleStack } from './management-single-stack';
import { vmNetworkMissing } from './vm-network-missing';
import { vmNetworkSingleSwitch } from './vm-network-single-switch';

export const NETWORK_RULES: readonly AnalysisRule[] = [
  managementNetworkSpof,
  managementSingleStack,
  heartbeatSinglePath,
  isolationResponseUnsafe,
  haDisabled,
  ftLoggingNetwork,
  vmNetworkSingleSwitch,
  vmNetworkMissing,
  guestClusterHeartbeatOnClientNetwork,
];
