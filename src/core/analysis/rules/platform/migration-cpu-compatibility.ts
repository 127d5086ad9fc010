import { setField } from '../../../edit/yaml-edits';
import type { QuickFix } from '../../../model/report';
import type { Host } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { familyKey, generationIndex, vendorOf } from '../../../domain/cpu-families';
import { cpuBaselineName, liveMigrationName } from '../../../domain/platform-names';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('migration-cpu-compatibility', {
  baselineTooNew: 'Cluster "{id}" sets cpuCompatibility "{baseline}", newer than the CPUs of {hosts} ({families}): those hosts cannot offer the baseline. Lower it to the oldest family present.',
  lowerBaseline: 'Lower cpuCompatibility to "{family}"',
  mixedOldestKnown: 'Cluster "{id}" mixes CPU generations ({groups}) without a cpuCompatibility baseline: {migration} from a newer to an older host is refused. Set {baseline} of "{family}", the oldest family present.',
  mixedOldestUnknown: 'Cluster "{id}" mixes CPU generations ({groups}) without a cpuCompatibility baseline: {migration} from a newer to an older host is refused. Set {baseline} of the oldest family present.',
  setBaseline: 'Set cpuCompatibility of "{id}" to "{family}"',
  setEvcMode: 'Set cpuCompatibility of "{id}" to "{family}" (EVC mode)',
  hostFamily: '"{id}": {family}',
});

interface Family {
  /** As first written in the file, e.g. "intel-cascadelake". */
  readonly name: string;
  readonly hosts: Host[];
  /** Release order within the vendor; undefined when the family is not in the table. */
  readonly generation: number | undefined;
}

/** The families present among hosts that state one, keyed loosely ("Cascade Lake" = "intel-cascadelake"). */
function familiesOf(hosts: readonly Host[]): Family[] {
  const byKey = new Map<string, Family>();
  for (const host of hosts) {
    const name = host.cpu.family;
    if (name === undefined || name.trim() === '') continue;
    const key = familyKey(name);
    const family = byKey.get(key);
    if (family) family.hosts.push(host);
    else byKey.set(key, { name, hosts: [host], generation: generationIndex(vendorOf(host), name) });
  }
  return [...byKey.values()];
}

/** The oldest family when every family is in the generation table, else undefined. */
function oldest(families: readonly Family[]): Family | undefined {
  let result: Family | undefined;
  for (const family of families) {
    if (family.generation === undefined) return undefined;
    if (!result || family.generation < (result.generation ?? Infinity)) result = family;
  }
  return result;
}

function hostList(hosts: readonly Host[]): string {
  return hosts.map((host) => quoteId(host.id)).join(listSeparator());
}

/** Hosts of one cluster with different CPU generations and no compatibility baseline, or hosts older than the baseline. */
export const migrationCpuCompatibility: AnalysisRule = {
  meta: {
    id: 'migration-cpu-compatibility',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'Mixed CPU generations without a compatibility baseline',
      description:
        'A guest started on a newer CPU may use instructions an older host lacks, so live migration to that host is refused; the HA strategies handbook and the VMware Infrastructure 3 article (docs/design/sources.md#seed-001, docs/design/sources.md#seed-003) require the same CPU family on source and target, or a compatibility mode that masks the newer features (vSphere EVC, Hyper-V processor compatibility, Intel FlexMigration). A cluster that mixes generations without a baseline can only migrate VMs between its same-generation hosts, which breaks maintenance-mode evacuation and load balancing. Set the cluster\'s `cpuCompatibility` to the oldest family present (the quick fix does; for vSphere this is the EVC mode); a baseline newer than a host\'s CPU keeps that host out of the cluster, which is reported too. Hosts that do not state a family are not judged; mixed vendors are reported by migration-cpu-vendor.',
      sources: ['docs/design/sources.md#seed-001 — live migration needs the same CPU family', 'docs/design/sources.md#seed-003 — vMotion CPU compatibility', 'docs/design/domain.md#rule-10-live-migration-compatibility', 'docs/design/sources.md#vmware-kb-1003212 — EVC modes'],
    },
  },
  reads: ['platform', 'clusters', 'hosts'],
  *check(context) {
    const { topology } = context;
    const { text } = context;
    for (const cluster of topology.clusters) {
      const hosts = topology.hostsInCluster(cluster.id);
      const vendors = new Set(hosts.map(vendorOf).filter((vendor) => vendor !== undefined));
      if (vendors.size > 1) continue;
      const families = familiesOf(hosts);
      const baselineText = cluster.cpuCompatibility;
      if (baselineText !== undefined) {
        const vendor = [...vendors][0];
        const baseline = generationIndex(vendor, baselineText);
        if (baseline === undefined) continue;
        const below = families.filter((family) => family.generation !== undefined && family.generation < baseline);
        const older = below.flatMap((family) => family.hosts);
        if (older.length === 0) continue;
        const lowest = oldest(below);
        const fixes: QuickFix[] = text && lowest ? [{ title: MESSAGES.lowerBaseline({ family: lowest.name }), edits: [setField(text, cluster.source, 'cpuCompatibility', lowest.name)], preferred: true }] : [];
        yield {
          message: MESSAGES.baselineTooNew({ id: cluster.id, baseline: baselineText, hosts: hostList(older), families: below.map((family) => family.name).join(listSeparator()) }),
          range: cluster.source.fields.cpuCompatibility?.value ?? cluster.idRange,
          elementIds: [cluster.id, ...older.map((host) => host.id)],
          related: older.map((host) => ({ message: MESSAGES.hostFamily({ id: host.id, family: host.cpu.family ?? '' }), range: host.cpu.source.fields.family?.value ?? host.idRange })),
          fixes,
        };
        continue;
      }
      if (families.length < 2) continue;
      const baseline = oldest(families);
      const platformBaseline = cpuBaselineName(topology.platform);
      const fixes: QuickFix[] = text
        ? (baseline ? [baseline] : families).map((family, index) => ({
            title: (topology.platform === 'vsphere' ? MESSAGES.setEvcMode : MESSAGES.setBaseline)({ id: cluster.id, family: family.name }),
            edits: [setField(text, cluster.source, 'cpuCompatibility', family.name)],
            preferred: baseline !== undefined && index === 0,
          }))
        : [];
      const groups = families.map((family) => `${family.name}: ${hostList(family.hosts)}`).join('; ');
      yield {
        message: baseline
          ? MESSAGES.mixedOldestKnown({ id: cluster.id, groups, migration: liveMigrationName(topology.platform), baseline: platformBaseline, family: baseline.name })
          : MESSAGES.mixedOldestUnknown({ id: cluster.id, groups, migration: liveMigrationName(topology.platform), baseline: platformBaseline }),
        range: cluster.idRange,
        elementIds: [cluster.id, ...families.flatMap((family) => family.hosts.map((host) => host.id))],
        related: families.flatMap((family) => family.hosts.map((host) => ({ message: MESSAGES.hostFamily({ id: host.id, family: family.name }), range: host.cpu.source.fields.family?.value ?? host.idRange }))),
        fixes,
      };
    }
  },
};
