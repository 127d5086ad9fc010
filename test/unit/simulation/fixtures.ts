/**
 * Small designs for the simulator tests, written as `.vtopo` text so each test reads like
 * a file a user would write. Every host has 64 GB and 16 x 1,000 MHz for VMs (no hypervisor
 * overhead), two FC HBAs (hba1 to switch fc-a, hba2 to fc-b) unless it is single-pathed
 * (hba1 to fc-a only); array `arr` has controllers a and b, each with fc0 on fc-a and fc1 on
 * fc-b; datastore ds1 lives on it.
 */

import { parseVtopo } from '../../../src/core/model/parse';
import type { Topology } from '../../../src/core/model/topology';

export interface DesignOptions {
  readonly hosts: readonly string[];
  /** YAML of the `vms:` section, indented by two spaces per VM. */
  readonly vms: string;
  /** YAML lines inside `clusters.prod.ha:`, indented by six spaces. */
  readonly ha?: string;
  /** Hosts cabled to fabric A only. */
  readonly singlePathed?: readonly string[];
  /** Hosts with no storage cables at all: they reach no SAN datastore. */
  readonly unpathed?: readonly string[];
  /** Extra YAML lines per host (e.g. `maxVms: 1`), indented by four spaces. */
  readonly hostExtras?: Readonly<Record<string, string>>;
  readonly rules?: string;
  readonly guestClusters?: string;
  readonly platform?: string;
}

export function design(options: DesignOptions): Topology {
  const single = new Set(options.singlePathed ?? []);
  const unpathed = new Set(options.unpathed ?? []);
  const hosts = options.hosts.map((id) =>
    [
      `  ${id}:`,
      '    cluster: prod',
      '    cpu: { cores: 16, speed: 1000 MHz }',
      '    memory: 64 GB',
      '    overhead: { memory: 0 MB }',
      ...(options.hostExtras?.[id] ? [options.hostExtras[id]] : []),
      '    adapters:',
      '      hba1: { type: fc, ports: { p0: {} } }',
      '      hba2: { type: fc, ports: { p0: {} } }',
    ].join('\n'),
  );
  const links = options.hosts.filter((id) => !unpathed.has(id)).flatMap((id) => [`  - [${id}/hba1/p0, fc-a]`, ...(single.has(id) ? [] : [`  - [${id}/hba2/p0, fc-b]`])]);
  const text = [
    'vtopo: 1',
    `platform: ${options.platform ?? 'vsphere'}`,
    'clusters:',
    '  prod:',
    '    ha:',
    options.ha ?? '      enabled: true',
    'hosts:',
    ...hosts,
    'switches:',
    '  fc-a: { type: fc, fabric: A }',
    '  fc-b: { type: fc, fabric: B }',
    'arrays:',
    '  arr:',
    '    controllers:',
    '      a: { ports: { fc0: { type: fc }, fc1: { type: fc } } }',
    '      b: { ports: { fc0: { type: fc }, fc1: { type: fc } } }',
    'datastores:',
    '  ds1: { array: arr }',
    'links:',
    ...links,
    '  - [arr/a/fc0, fc-a]',
    '  - [arr/b/fc0, fc-a]',
    '  - [arr/a/fc1, fc-b]',
    '  - [arr/b/fc1, fc-b]',
    'vms:',
    options.vms,
    ...(options.guestClusters ? ['guestClusters:', options.guestClusters] : []),
    ...(options.rules ? ['rules:', options.rules] : []),
  ].join('\n');
  const parsed = parseVtopo(text);
  if (parsed.problems.length > 0) throw new Error(`fixture does not read cleanly: ${parsed.problems.map((p) => p.message).join('; ')}\n${text}`);
  return parsed.topology;
}
