/** LAN rules over the LAN model (lan-network.ts): FT logging, VM networks and guest-cluster heartbeats (see docs/rules.md). */

import type { AnalysisRule } from '../../rule';
import { ftLoggingNetwork } from './ft-logging-network';
import { guestClusterHeartbeatOnClientNetwork } from './guest-cluster-heartbeat-on-client-network';
import { vmNetworkMissing } from './vm-network-missing';
import { vmNetworkSingleSwitch } from './vm-network-single-switch';

export const NETWORK_RULES_B: readonly AnalysisRule[] = [ftLoggingNetwork, vmNetworkSingleSwitch, vmNetworkMissing, guestClusterHeartbeatOnClientNetwork];
