/** Small helpers the platform rules share: wording per platform, counts, the source text. */

import type { Platform } from '../../../model/format';
import type { LimitsLookup } from '../../../model/limits';
import type { Cluster } from '../../../model/topology';

/** What each platform calls live migration, for messages. */
export const LIVE_MIGRATION_NAMES: Readonly<Record<Platform, string>> = {
  vsphere: 'vMotion',
  hyperv: 'Live Migration',
  xenserver: 'live migration (XenMotion)',
  proxmox: 'live migration',
};

/** What each platform calls a CPU compatibility baseline, for messages. */
export const CPU_BASELINE_NAMES: Readonly<Record<Platform, string>> = {
  vsphere: 'an EVC mode',
  hyperv: 'processor compatibility',
  xenserver: 'a heterogeneous-pool CPU mask',
  proxmox: 'a common CPU type (e.g. x86-64-v2)',
};

/** HA is on unless the cluster says otherwise (the format's default). */
export function haEnabled(cluster: Cluster): boolean {
  return cluster.ha?.enabled !== false;
}

/** A whole number with thousands separators, the same in every locale: 10000 -> "10,000". */
export function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 host", "3 hosts". */
export function count(n: number, noun: string): string {
  return `${grouped(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** "vSphere 8.x", followed by why that row was assumed when the release was not read from the file. */
export function releaseOf(lookup: LimitsLookup): string {
  return lookup.assumption ? `${lookup.limits.releases} (${lookup.assumption})` : lookup.limits.releases;
}

