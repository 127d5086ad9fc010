/**
 * The failure-domain rules: what a site, rack, chassis or power feed takes down with it
 * (domain/failure-domains.ts) and the designs that do not survive that; mirrored and
 * replicated storage; and stretched clusters (domain/stretched.ts).
 */

import type { AnalysisRule } from '../../rule';
import { clusterSingleDomain } from './cluster-single-domain';
import { failureDomainConflict } from './failure-domain-conflict';
import { failureDomainSpof } from './failure-domain-spof';
import { asyncOnlyCritical } from './async-only-critical';
import { mirrorLegsSharedDomain } from './mirror-legs-shared-domain';
import { powerSingleFeed } from './power-single-feed';
import { siteLinkLatency } from './site-link-latency';
import { stretchedAdmissionControl } from './stretched-admission-control';
import { stretchedHeartbeatDatastores } from './stretched-heartbeat-datastores';
import { stretchedIsolationAddresses } from './stretched-isolation-addresses';
import { stretchedPreferredSite } from './stretched-preferred-site';
import { stretchedSiteAffinity } from './stretched-site-affinity';
import { stretchedWitness } from './stretched-witness';

export const DOMAIN_RULES: readonly AnalysisRule[] = [
  failureDomainSpof,
  clusterSingleDomain,
  powerSingleFeed,
  failureDomainConflict,
  mirrorLegsSharedDomain,
  asyncOnlyCritical,
  stretchedAdmissionControl,
  stretchedHeartbeatDatastores,
  stretchedIsolationAddresses,
  stretchedSiteAffinity,
  stretchedWitness,
  stretchedPreferredSite,
  siteLinkLatency,
];
