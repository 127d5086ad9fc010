/**
 * The picture of a design: devices as nodes (VMs inside their hosts, controllers inside
 * their arrays), cables collapsed to device-to-device edges, datastores tied to their
 * array or host, and each node marked with the worst finding about it. Pure data, so the
 * webview only draws and the extension host only sends.
 */

import type { Finding, Severity } from '../analysis/rule';
import type { Topology } from '../model/topology';

export type DiagramNodeKind = 'cluster' | 'host' | 'vm' | 'switch' | 'array' | 'controller' | 'datastore';
export type DiagramEdgeKind = 'cable' | 'storage';

export interface DiagramNode {
  readonly id: string;
  readonly kind: DiagramNodeKind;
  readonly label: string;
  readonly parent?: string;
  /** Fabric or side (A/B) of a switch, so the two fabrics can be told apart. */
  readonly fabric?: string;
  readonly severity?: Severity;
  readonly findingCount: number;
  /** Facts shown when the node is selected, one per line. */
  readonly details: readonly string[];
}

export interface DiagramEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: DiagramEdgeKind;
  readonly label: string;
  readonly fabric?: string;
}

export interface Diagram {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  readonly positions: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export function buildDiagram(topology: Topology, findings: readonly Finding[]): Diagram {
  const worst = new Map<string, { severity: Severity; count: number }>();
  for (const finding of findings) {
    for (const id of finding.elementIds) {
      const current = worst.get(id);
      const severity = current && SEVERITY_ORDER.indexOf(current.severity) < SEVERITY_ORDER.indexOf(finding.severity) ? current.severity : finding.severity;
      worst.set(id, { severity, count: (current?.count ?? 0) + 1 });
    }
  }
  const nodes: DiagramNode[] = [];
  const addNode = (node: Omit<DiagramNode, 'findingCount' | 'severity'>) => {
    const marked = worst.get(node.id);
    nodes.push({ ...node, findingCount: marked?.count ?? 0, ...(marked ? { severity: marked.severity } : {}) });
  };

  for (const cluster of topology.clusters) {
    addNode({ id: cluster.id, kind: 'cluster', label: cluster.id, details: [`cluster, ${topology.hostsInCluster(cluster.id).length} hosts`, `HA ${cluster.ha?.enabled === false ? 'off' : 'on'}`] });
  }
  for (const host of topology.hosts) {
    const cluster = topology.clusterOfHost(host);
    addNode({
      id: host.id,
      kind: 'host',
      label: host.id,
      ...(cluster ? { parent: cluster.id } : {}),
      details: [
        `host${host.model ? `, ${host.model}` : ''}`,
        `${host.cpu.cores} cores x ${host.cpu.speedMHz} MHz, ${Math.round(host.memoryMB / 1024)} GB`,
        `${topology.vmsOnHost(host.id).length} VMs, state ${host.state}`,
      ],
    });
  }
  for (const vm of topology.vms) {
    if (!topology.host(vm.host)) continue;
    addNode({
      id: vm.id,
      kind: 'vm',
      label: vm.id,
      parent: vm.host,
      details: [`VM${vm.role ? `, ${vm.role}` : ''}, ${vm.cpus} vCPU, ${Math.round(vm.memoryMB / 1024)} GB`, `power ${vm.power}, restart ${vm.restartPriority ?? 'cluster default'}`],
    });
  }
  for (const networkSwitch of topology.switches) {
    addNode({
      id: networkSwitch.id,
      kind: 'switch',
      label: networkSwitch.fabric ? `${networkSwitch.id} (${networkSwitch.fabric})` : networkSwitch.id,
      ...(networkSwitch.fabric ? { fabric: networkSwitch.fabric } : {}),
      details: [`${networkSwitch.type === 'fc' ? 'FC' : 'Ethernet'} switch${networkSwitch.fabric ? `, fabric ${networkSwitch.fabric}` : ''}`],
    });
  }
  for (const array of topology.arrays) {
    addNode({ id: array.id, kind: 'array', label: array.model ? `${array.id} (${array.model})` : array.id, details: [`array, ${array.controllers.length} controller(s), mode ${array.mode ?? 'unspecified'}`] });
    for (const controller of array.controllers) {
      addNode({ id: controller.id, kind: 'controller', label: controller.id.slice(array.id.length + 1), parent: array.id, details: [`controller, ${controller.ports.length} host ports`] });
    }
  }
  const edges: DiagramEdge[] = [];
  for (const datastore of topology.datastores) {
    addNode({ id: datastore.id, kind: 'datastore', label: datastore.id, details: [`${datastore.protocol} datastore, ${topology.isLocalDatastore(datastore) ? 'local' : 'shared'}`] });
    const owner = datastore.array ?? datastore.host;
    if (owner !== undefined && (topology.storageArray(owner) || topology.host(owner))) {
      edges.push({ id: `storage:${datastore.id}`, source: datastore.id, target: owner, kind: 'storage', label: datastore.lun !== undefined ? `LUN ${datastore.lun}` : '' });
    }
  }
  const deviceOf = (endpoint: string): { node: string; port: string } | undefined => {
    const segments = endpoint.split('/');
    const first = segments[0] ?? '';
    const kind = topology.declarations.get(first)?.kind;
    if (kind === 'switch') return { node: first, port: segments.slice(1).join('/') };
    if (kind === 'host') return { node: first, port: segments.slice(1).join('/') };
    if (kind === 'array' && segments.length >= 2) return { node: `${first}/${segments[1]}`, port: segments.slice(2).join('/') };
    return undefined;
  };
  topology.links.forEach((link, index) => {
    const from = deviceOf(link.from);
    const to = deviceOf(link.to);
    if (!from || !to) return;
    const fabric = topology.networkSwitch(from.node)?.fabric ?? topology.networkSwitch(to.node)?.fabric;
    edges.push({
      id: `link:${index}`,
      source: from.node,
      target: to.node,
      kind: 'cable',
      label: [from.port, to.port].filter((p) => p !== '').join(' - '),
      ...(fabric ? { fabric } : {}),
    });
  });
  const positions: Record<string, { x: number; y: number }> = {};
  for (const [id, entry] of topology.file?.layout ?? []) positions[id] = entry.value;
  return { nodes, edges, positions };
}
