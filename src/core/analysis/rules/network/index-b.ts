/** LAN rules over the LAN model (lan-network.ts): FT logging, VM networks and guest-cluster heartbeats (see docs/rules.md). */

import type { AnalysisRule } from '../../rule';
import { ftLoggingNetwork } from './ft-logging-network';
import { guestClusterHeartbeatOnClientNetwork } from './guest-cluster-heartbeat-on-client-network';

export const NETWORK_RULES_B: readonly AnalysisRule[] = [ftLoggingNetwork, guestClusterHeartbeatOnClientNetwork];
