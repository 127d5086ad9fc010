/**
 * The failure-domain rules: what a site, rack, chassis or power feed takes down with it
 * (domain/failure-domains.ts), and the designs that do not survive that.
 */

import type { AnalysisRule } from '../../rule';
import { clusterSingleDomain } from './cluster-single-domain';
import { failureDomainConflict } from './failure-domain-conflict';
import { failureDomainSpof } from './failure-domain-spof';
import { powerSingleFeed } from './power-single-feed';

export const DOMAIN_RULES: readonly AnalysisRule[] = [failureDomainSpof, clusterSingleDomain, powerSingleFeed, failureDomainConflict];
