/** The first half of the LAN rules (see docs/rules.md): management network redundancy, HA heartbeat paths and isolation, HA turned off. */

import type { AnalysisRule } from '../../rule';
import { haDisabled } from './ha-disabled';
import { heartbeatSinglePath } from './heartbeat-single-path';
import { isolationResponseUnsafe } from './isolation-response-unsafe';
import { managementNetworkSpof } from './management-network-spof';
import { managementSingleStack } from './management-single-stack';

export const NETWORK_RULES_A: readonly AnalysisRule[] = [managementNetworkSpof, managementSingleStack, heartbeatSinglePath, isolationResponseUnsafe, haDisabled];
