/**
 * The hypervisor edition table, as data, in one place: which features each edition has (HA,
 * live migration, DRS), matched case-insensitively against a host's `edition` (or the file's
 * default). Sources: the VMware Infrastructure 3 article (the free ESXi edition has no vMotion and no HA; docs/design/sources.md#seed-003); VMware
 * vSphere edition comparisons: the vSphere 5.0 "Licensing, Pricing and Packaging" white paper
 * (Essentials: no vMotion, no HA; Essentials Plus and Standard: HA and vMotion, no DRS;
 * Enterprise and Enterprise Plus: DRS) and the vSphere 7 "Compare vSphere editions" page (DRS
 * in Enterprise Plus only); in vSphere 8 also VMware vSphere Foundation and VMware Cloud
 * Foundation, whose feature lists include DRS. Editions not listed are assumed to have every
 * feature: nothing is reported for them.
 */

import { defineMessages } from '../l10n/messages';
import type { Platform } from '../model/format';
import type { Host, Topology } from '../model/topology';

export interface EditionFeatures {
  readonly platform: Platform;
  /** Matched against the edition text, lowercased with spaces, dashes and underscores as single spaces. */
  readonly pattern: RegExp;
  /** Product name for messages (English; `productName` gives it in the user's language). */
  readonly product: string;
  /** The product's name in the catalog, when it needs translating (not a plain product name such as "vSphere Standard"). */
  readonly productId?: keyof typeof PRODUCTS;
  readonly ha: boolean;
  readonly liveMigration: boolean;
  /** Distributed Resource Scheduler (vSphere). */
  readonly drs: boolean;
  readonly source: string;
}

/** Product names that are words rather than names, in the user's language (`productName`). */
const PRODUCTS = defineMessages('editions.products', {
  freeEsxi: 'the free vSphere Hypervisor (free ESXi)',
});

const COMPARISON = 'VMware vSphere edition comparison (vSphere 5.0 Licensing, Pricing and Packaging white paper; vSphere 7 "Compare vSphere editions")';

export const EDITIONS: readonly EditionFeatures[] = [
  {
    platform: 'vsphere',
    pattern: /^(free|esxi free|free esxi|vsphere hypervisor|vsphere hypervisor free|esxi hypervisor|hypervisor)$/,
    product: 'the free vSphere Hypervisor (free ESXi)',
    productId: 'freeEsxi',
    ha: false,
    liveMigration: false,
    drs: false,
    source: 'docs/design/sources.md#seed-003 — free ESXi: no vMotion, no HA',
  },
  {
    platform: 'vsphere',
    pattern: /^(vsphere )?essentials( kit)?$/,
    product: 'vSphere Essentials',
    ha: false,
    liveMigration: false,
    drs: false,
    source: 'VMware vSphere Essentials Kit (no vMotion, no HA; Essentials Plus adds both)',
  },
  {
    platform: 'vsphere',
    pattern: /^(vsphere )?essentials plus( kit)?$/,
    product: 'vSphere Essentials Plus',
    ha: true,
    liveMigration: true,
    drs: false,
    source: COMPARISON,
  },
  {
    platform: 'vsphere',
    pattern: /^(vmware )?(vsphere )?standard$/,
    product: 'vSphere Standard',
    ha: true,
    liveMigration: true,
    drs: false,
    source: COMPARISON,
  },
  {
    platform: 'vsphere',
    pattern: /^(vsphere )?enterprise$/,
    product: 'vSphere Enterprise',
    ha: true,
    liveMigration: true,
    drs: true,
    source: COMPARISON,
  },
  {
    platform: 'vsphere',
    pattern: /^(vsphere )?enterprise( plus|\+)$/,
    product: 'vSphere Enterprise Plus',
    ha: true,
    liveMigration: true,
    drs: true,
    source: COMPARISON,
  },
  {
    platform: 'vsphere',
    pattern: /^((vmware )?vsphere foundation|vvf)$/,
    product: 'VMware vSphere Foundation',
    ha: true,
    liveMigration: true,
    drs: true,
    source: 'VMware vSphere Foundation (vSphere 8) feature list',
  },
  {
    platform: 'vsphere',
    pattern: /^((vmware )?cloud foundation|vcf)$/,
    product: 'VMware Cloud Foundation',
    ha: true,
    liveMigration: true,
    drs: true,
    source: 'VMware Cloud Foundation (vSphere 8) feature list',
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

/** The edition a host runs, from its own `edition` or the file's default, when the table knows it. */
export function editionOf(topology: Topology, host: Host): HostEdition | undefined {
  const own = host.edition;
  const edition = own ?? topology.file?.edition;
  if (edition === undefined) return undefined;
  const text = normalized(edition);
  const features = EDITIONS.find((entry) => entry.platform === topology.platform && entry.pattern.test(text));
  return features ? { edition, inherited: own === undefined, features } : undefined;
}

/** The product an edition is, in the user's language: "vSphere Standard", "the free vSphere Hypervisor (free ESXi)". */
export function productName(features: EditionFeatures): string {
  return features.productId ? PRODUCTS[features.productId]({}) : features.product;
}
