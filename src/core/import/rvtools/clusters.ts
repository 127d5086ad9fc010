/**
 * Clusters from vCluster: HA on or off, admission control, the failover level, isolation
 * response, the default restart priority and DRS. RVTools does not say which admission
 * control policy a cluster uses; the importer assumes the percentage policy with F = the
 * failover level, the vSphere 6.5+ default, and says so.
 */

import type { DraftMap } from '../emit';
import type { SummaryBuilder } from '../summary';
import { VCLUSTER } from './columns';
import type { RvtoolsTabs } from './tabs';
import { grouped } from '../../text/plural';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.rvtools.clusters', {
  noVcluster: 'clusters take the vSphere HA defaults',
  listedTwice: 'vCluster row {row}: cluster "{cluster}" is listed twice; the first row is used',
  policyOne: 'admission control policy of 1 cluster taken as the percentage policy with F = "Failover Level" (the vSphere 6.5+ default): RVTools does not say which policy is set',
  policyMany: 'admission control policy of {count} clusters taken as the percentage policy with F = "Failover Level" (the vSphere 6.5+ default): RVTools does not say which policy is set',
  monitoringOffOne: '1 cluster with HA on but host monitoring disabled written as ha.enabled: false: HA restarts nothing after a host failure',
  monitoringOffMany: '{count} clusters with HA on but host monitoring disabled written as ha.enabled: false: HA restarts nothing after a host failure',
});

export interface ImportedCluster {
  readonly key: string;
  readonly name: string;
  readonly fields: DraftMap;
}

export function clusterKey(server: string | undefined, name: string): string {
  return `${(server ?? '').toLowerCase()}\u0000${name}`;
}

export function importClusters(tabs: RvtoolsTabs, summary: SummaryBuilder): Map<string, ImportedCluster> {
  const clusters = new Map<string, ImportedCluster>();
  let assumedPolicy = 0;
  let monitoringOff = 0;
  for (const row of tabs.rows('vCluster', VCLUSTER, MESSAGES.noVcluster({}))) {
    const name = row.text('name');
    if (name === undefined) continue;
    const key = clusterKey(row.text('server'), name);
    if (clusters.has(key)) {
      summary.warn(MESSAGES.listedTwice({ row: String(row.line), cluster: name }));
      continue;
    }
    const haEnabled = row.boolean('haEnabled');
    const monitoring = row.text('hostMonitoring')?.toLowerCase();
    const hostMonitoringOff = haEnabled === true && monitoring === 'disabled';
    if (hostMonitoringOff) monitoringOff += 1;
    const admission = row.boolean('admissionControl');
    const level = row.number('failoverLevel');
    if (haEnabled === true && admission === true) assumedPolicy += 1;
    const drsEnabled = row.boolean('drsEnabled');
    clusters.set(key, {
      key,
      name,
      fields: {
        ha: {
          // Host monitoring off: HA restarts nothing after a host failure, which is what enabled: false means here.
          enabled: haEnabled === undefined ? undefined : haEnabled && !hostMonitoringOff,
          admissionControl:
            admission === false ? { policy: 'disabled' } : admission === true ? { policy: 'percentage', hostFailuresToTolerate: level !== undefined && level >= 1 ? Math.round(level) : undefined } : undefined,
          isolationResponse: isolationResponse(row.text('isolationResponse')),
          defaultRestartPriority: restartPriority(row.text('restartPriority')),
        },
        drs: drsEnabled === undefined ? undefined : { enabled: drsEnabled, automation: drsEnabled ? drsAutomation(row.text('drsBehavior')) : undefined },
      },
    });
  }
  if (assumedPolicy > 0) summary.inferred(assumedPolicy === 1 ? MESSAGES.policyOne({}) : MESSAGES.policyMany({ count: grouped(assumedPolicy) }));
  if (monitoringOff > 0) summary.inferred(monitoringOff === 1 ? MESSAGES.monitoringOffOne({}) : MESSAGES.monitoringOffMany({ count: grouped(monitoringOff) }));
  return clusters;
}

/** vSphere API values (none, powerOff, shutdown) as the format's. */
export function isolationResponse(text: string | undefined): string | undefined {
  switch (text?.toLowerCase().replace(/[^a-z]/g, '')) {
    case 'none':
    case 'leavepoweredon':
      return 'none';
    case 'poweroff':
    case 'poweroffandrestartvms':
      return 'power-off';
    case 'shutdown':
    case 'shutdownandrestartvms':
      return 'shutdown';
    default:
      return undefined;
  }
}

const PRIORITIES = new Set(['disabled', 'lowest', 'low', 'medium', 'high', 'highest']);

/** A restart priority, or undefined for "clusterRestartPriority" (the VM follows its cluster) and unknown text. */
export function restartPriority(text: string | undefined): string | undefined {
  const value = text?.toLowerCase().trim();
  return value !== undefined && PRIORITIES.has(value) ? value : undefined;
}

function drsAutomation(text: string | undefined): string | undefined {
  switch (text?.toLowerCase().replace(/[^a-z]/g, '')) {
    case 'manual':
      return 'manual';
    case 'partiallyautomated':
      return 'partially-automated';
    case 'fullyautomated':
      return 'fully-automated';
    default:
      return undefined;
  }
}
