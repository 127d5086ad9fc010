/**
 * CPU generations in release order, per vendor, as data: which family of a mixed cluster is
 * the oldest, and so the compatibility baseline (vSphere EVC mode) every host can offer.
 * Order from the vSphere EVC modes (KB 1003212) and vendor release history.
 */

import type { Host } from '../model/topology';

export type CpuVendor = 'intel' | 'amd' | 'arm';

export const CPU_GENERATIONS: Readonly<Record<CpuVendor, readonly string[]>> = {
  intel: ['merom', 'penryn', 'nehalem', 'westmere', 'sandybridge', 'ivybridge', 'haswell', 'broadwell', 'skylake', 'cascadelake', 'cooperlake', 'icelake', 'sapphirerapids', 'emeraldrapids', 'graniterapids'],
  amd: ['reve', 'revf', 'greyhound', 'griffin', 'bulldozer', 'piledriver', 'steamroller', 'zen', 'zen2', 'zen3', 'zen4', 'zen5'],
  arm: [],
};

const VENDORS: readonly CpuVendor[] = ['intel', 'amd', 'arm'];

/** "intel-cascadelake", "Cascade Lake", "AMD Zen 3" -> the family without vendor, spaces or dashes. */
export function familyKey(family: string): string {
  const compact = family.toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const vendor of VENDORS) if (compact.startsWith(vendor)) return compact.slice(vendor.length);
  return compact;
}

/** The host's CPU vendor: as stated, else read from a family written as "intel-..." or "amd-...". */
export function vendorOf(host: Host): CpuVendor | undefined {
  if (host.cpu.vendor !== undefined) return host.cpu.vendor;
  const family = host.cpu.family?.toLowerCase();
  return VENDORS.find((vendor) => family?.startsWith(vendor));
}

/** Release index of a family within its vendor, or undefined when the family is not in the table. */
export function generationIndex(vendor: CpuVendor | undefined, family: string): number | undefined {
  const key = familyKey(family);
  const vendors = vendor ? [vendor] : VENDORS;
  for (const candidate of vendors) {
    const index = CPU_GENERATIONS[candidate].indexOf(key);
    if (index >= 0) return index;
  }
  return undefined;
}
