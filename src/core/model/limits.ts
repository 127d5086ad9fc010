/**
 * Platform limits as data: one row per hypervisor and release range, with the minimum
 * cluster sizes HA needs. The file's `platform` and `platformVersion` pick the row; a
 * missing or unreadable version picks the newest row, and says so. Sources: vendor
 * configuration maximums, docs/design/algorithms.md#6-limits-per-product-and-version, docs/design/sources.md#seed-001 for the era of the seed documents. Figures
 * marked in `verify` are commonly cited but not confirmed from the vendor's own table:
 * rules quote them with that caveat.
 */

import { defineMessages } from '../l10n/messages';
import type { Platform } from './format';

/** The releases of each row, as people name them (English; `releaseName` gives them in the user's language). */
const RELEASES = {
  vsphere55: 'vSphere 5.5 and earlier',
  vsphere6: 'vSphere 6.x and 7.0 before Update 1',
  vsphere7u1: 'vSphere 7.0 Update 1 to 7.x',
  vsphere8: 'vSphere 8.x',
  windows2008r2: 'Windows Server 2008 R2 and earlier',
  windows2012: 'Windows Server 2012 and later',
  xenserver7: 'XenServer 7.x and earlier',
  xenserver8: 'Citrix Hypervisor / XenServer 8.x, XCP-ng 8.x',
  proxmox: 'Proxmox VE (all releases)',
} as const;

const RELEASE_NAMES = defineMessages('limits.releases', RELEASES);

const MESSAGES = defineMessages('limits', {
  versionMissing: 'platformVersion is not set; the newest known limits apply',
  versionUnreadable: 'platformVersion "{version}" could not be read; the newest known limits apply',
  verifyNote: ' (commonly cited; verify against the vendor\'s configuration maximums)',
});

/** A release as comparable numbers: "7.0U3" -> [7, 0, 3], "2008 R2" -> [2008, 2]. */
export type Version = readonly number[];

export type LimitName = 'maxHostsPerCluster' | 'maxVmsPerCluster' | 'maxVmsPerHost';
/** Figures a row may mark as commonly cited but unconfirmed. */
export type VerifiableFigure = LimitName;

export interface PlatformLimits {
  readonly platform: Platform;
  /** The releases this row covers, as people name them, e.g. "vSphere 6.x". */
  readonly releases: string;
  /** First release covered (inclusive). */
  readonly fromVersion: Version;
  /** First release no longer covered (exclusive); open-ended when omitted. */
  readonly untilVersion?: Version;
  /** Hosts (nodes) per cluster or pool; no hard limit when omitted. */
  readonly maxHostsPerCluster?: number;
  /** VMs registered in one cluster; no published limit when omitted. */
  readonly maxVmsPerCluster?: number;
  /** VMs on one host; no published limit when omitted. */
  readonly maxVmsPerHost?: number;
  /** Hosts needed before HA can restart anything elsewhere. */
  readonly minHostsForHa: number;
  /** Nodes the cluster needs for quorum before HA acts (Proxmox VE / corosync). */
  readonly minHostsForQuorum?: number;
  /** Which of the figures above are commonly cited but unconfirmed. */
  readonly verify: readonly VerifiableFigure[];
  readonly source: string;
}

/** Product names for messages. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  vsphere: 'vSphere',
  hyperv: 'Hyper-V',
  xenserver: 'XenServer',
  proxmox: 'Proxmox VE',
};

/** Ordered by platform, then release. Rows of one platform cover every release without gaps. */
export const PLATFORM_LIMITS: readonly PlatformLimits[] = [
  {
    platform: 'vsphere',
    releases: RELEASES.vsphere55,
    fromVersion: [0],
    untilVersion: [6],
    maxHostsPerCluster: 32,
    maxVmsPerCluster: 3000,
    maxVmsPerHost: 512,
    minHostsForHa: 2,
    verify: [],
    source: 'vSphere 5.5 Configuration Maximums; docs/design/sources.md#seed-001: VMware clusters of 32 nodes',
  },
  {
    platform: 'vsphere',
    releases: RELEASES.vsphere6,
    fromVersion: [6],
    untilVersion: [7, 0, 1],
    maxHostsPerCluster: 64,
    maxVmsPerCluster: 8000,
    maxVmsPerHost: 1024,
    minHostsForHa: 2,
    verify: [],
    source: 'vSphere 6.x Configuration Maximums',
  },
  {
    platform: 'vsphere',
    releases: RELEASES.vsphere7u1,
    fromVersion: [7, 0, 1],
    untilVersion: [8],
    maxHostsPerCluster: 96,
    maxVmsPerCluster: 10000,
    maxVmsPerHost: 1024,
    minHostsForHa: 2,
    verify: ['maxHostsPerCluster', 'maxVmsPerCluster'],
    source: 'VMware Configuration Maximums tool, vSphere 7.0 U1+',
  },
  {
    platform: 'vsphere',
    releases: RELEASES.vsphere8,
    fromVersion: [8],
    maxHostsPerCluster: 96,
    maxVmsPerCluster: 10000,
    maxVmsPerHost: 1024,
    minHostsForHa: 2,
    verify: ['maxHostsPerCluster', 'maxVmsPerCluster'],
    source: 'VMware Configuration Maximums tool, vSphere 8.0; docs/design/algorithms.md#6-limits-per-product-and-version',
  },
  {
    platform: 'hyperv',
    releases: RELEASES.windows2008r2,
    fromVersion: [0],
    untilVersion: [2012],
    maxHostsPerCluster: 16,
    maxVmsPerCluster: 1000,
    minHostsForHa: 2,
    verify: [],
    source: 'Windows Server 2008 R2 Hyper-V scalability; docs/design/sources.md#seed-001: Hyper-V clusters of 16 nodes',
  },
  {
    platform: 'hyperv',
    releases: RELEASES.windows2012,
    fromVersion: [2012],
    maxHostsPerCluster: 64,
    maxVmsPerCluster: 8000,
    maxVmsPerHost: 1024,
    minHostsForHa: 2,
    verify: [],
    source: 'Plan for Hyper-V scalability in Windows Server (2012 to 2022)',
  },
  {
    platform: 'xenserver',
    releases: RELEASES.xenserver7,
    fromVersion: [0],
    untilVersion: [8],
    maxHostsPerCluster: 16,
    minHostsForHa: 2,
    verify: [],
    source: 'XenServer configuration limits (16 hosts per resource pool); docs/design/sources.md#seed-001 quotes 32 for its era\'s Citrix pools',
  },
  {
    platform: 'xenserver',
    releases: RELEASES.xenserver8,
    fromVersion: [8],
    maxHostsPerCluster: 64,
    minHostsForHa: 2,
    verify: ['maxHostsPerCluster'],
    source: 'Citrix Hypervisor 8.x configuration limits',
  },
  {
    platform: 'proxmox',
    releases: RELEASES.proxmox,
    fromVersion: [0],
    minHostsForHa: 2,
    minHostsForQuorum: 3,
    verify: [],
    source: 'Proxmox VE administration guide: High Availability (requirements: at least three nodes for reliable quorum)',
  },
];

/**
 * Reads a release loosely: the first number group, its dotted parts, then an update or
 * release suffix ("U3", "Update 3", "R2", "SP1"). "8.0" -> [8, 0]; "7.0U3" and "7.0.3" ->
 * [7, 0, 3]; "2008 R2" -> [2008, 2]; "Windows Server 2022" -> [2022]. Undefined when the
 * text holds no number.
 */
export function parseVersion(text: string): Version | undefined {
  const match = /(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\s*(?:u|update|r|sp)\s*(\d+))?/i.exec(text);
  if (!match) return undefined;
  // "7.0U3" and "7.0.3" name the same release: the suffix is the third part unless three dotted parts came first.
  return match.slice(1).filter((part): part is string => part !== undefined).map(Number).slice(0, 3);
}

/** Negative, zero or positive as a sorts before, with or after b; missing parts count as 0. */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export interface LimitsLookup {
  readonly limits: PlatformLimits;
  /** Why the row was chosen when not from a readable version: for the message. */
  readonly assumption?: string;
}

/** The limits row for a platform and release; the newest row when the release is missing or unreadable. */
export function limitsFor(platform: Platform, platformVersion: string | undefined): LimitsLookup | undefined {
  const rows = PLATFORM_LIMITS.filter((row) => row.platform === platform);
  const newest = rows.at(-1);
  if (!newest) return undefined;
  if (platformVersion === undefined || platformVersion.trim() === '') {
    return { limits: newest, assumption: MESSAGES.versionMissing({}) };
  }
  const version = parseVersion(platformVersion);
  if (!version) {
    return { limits: newest, assumption: MESSAGES.versionUnreadable({ version: platformVersion }) };
  }
  const row = rows.find(
    (candidate) => compareVersions(version, candidate.fromVersion) >= 0 && (candidate.untilVersion === undefined || compareVersions(version, candidate.untilVersion) < 0),
  );
  return { limits: row ?? newest };
}

/** " (commonly cited; verify against the vendor's configuration maximums)", in the user's language, when the figure is unconfirmed. */
export function verifyNote(limits: PlatformLimits, figure: VerifiableFigure): string {
  return limits.verify.includes(figure) ? MESSAGES.verifyNote({}) : '';
}

/** The releases a row covers, in the user's language: "vSphere 8.x", "Windows Server 2012 and later". */
export function releaseName(limits: PlatformLimits): string {
  const id = (Object.keys(RELEASES) as (keyof typeof RELEASES)[]).find((key) => RELEASES[key] === limits.releases);
  return id ? RELEASE_NAMES[id]({}) : limits.releases;
}
