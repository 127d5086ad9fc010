/**
 * Hypervisor editions that lack HA or live migration, as data, matched case-insensitively
 * against a host's `edition` (or the file's default). Sources: seed 003 (the free ESXi
 * edition has no vMotion and no HA), VMware vSphere edition comparison (Essentials Kit:
 * no vMotion, no HA; Essentials Plus and above: both). Editions not listed are assumed
 * to have both.
 */

import type { Platform } from '../../../model/format';
import type { Host, Topology } from '../../../model/topology';

export interface EditionFeatures {
  readonly platform: Platform;
  /** Matched against the edition text, lowercased with spaces, dashes and underscores as single spaces. */
  readonly pattern: RegExp;
  /** Product name for messages. */
  readonly product: string;
  readonly ha: boolean;
  readonly liveMigration: boolean;
  readonly source: string;
}

export const LIMITED_EDITIONS: readonly EditionFeatures[] = [
  {
    platform: 'vsphere',
    pattern: /^(free|esxi free|free esxi|vsphere hypervisor|vsphere hypervisor free|esxi hypervisor|hypervisor)$/,
    product: 'the free vSphere Hypervisor (free ESXi)',
    ha: false,
    liveMigration: false,
    source: 'seed 003 (free ESXi: no vMotion, no HA)',
  },
  {
    platform: 'vsphere',
    pattern: /^(vsphere )?essentials( kit)?$/,
    product: 'vSphere Essentials',
    ha: false,
    liveMigration: false,
    source: 'VMware vSphere Essentials Kit (no vMotion, no HA; Essentials Plus adds both)',
  },
];

function normalized(edition: string): string {
  return edition.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

export interface HostEdition {
  readonly edition: string;
  /** Whether the host inherits the file's default `edition`. */
  readonly inherited: boolean;
  readonly features: EditionFeatures;
}

/** The limited edition a host runs, from its own `edition` or the file's default; undefined when it is not limited. */
export function limitedEdition(topology: Topology, host: Host): HostEdition | undefined {
  const own = host.edition;
  const edition = own ?? topology.file?.edition;
  if (edition === undefined) return undefined;
  const text = normalized(edition);
  const features = LIMITED_EDITIONS.find((entry) => entry.platform === topology.platform && entry.pattern.test(text));
  return features ? { edition, inherited: own === undefined, features } : undefined;
}
