/**
 * The picture of a design: devices as nodes (VMs inside their hosts, controllers inside
 * their arrays), cables collapsed to device-to-device edges, datastores tied to their
 * array or host, and each node marked with the worst finding about it. Pure data, so the
 * webview only draws and the extension host only sends.
 */

import type { Finding, Severity } from '../analysis/rule';
import type { Topology } from '../model/topology';

export type DiagramNodeKind = 'cluster' | 'host' | 'vm' | 'switch' | 'array' | 'controller' | 'datastore';
/** A `suggested` edge is a cable a quick fix would add (diagram-suggestions.ts), not one in the file. */
export type DiagramEdgeKind = 'cable' | 'storage' | 'suggested';

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
    // Hints (reports, design notes) are not problems: they do not mark the picture.
    if (finding.severity === 'hint') continue;
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
  const deviceOf = (endpoint: string) => endpointDevice(topology, endpoint);
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
  const saved = new Map<string, { x: number; y: number }>();
  for (const [id, entry] of topology.file?.layout ?? []) saved.set(id, entry.value);
  return { nodes, edges, positions: layeredLayout(nodes, saved) };
}

/**
 * The device node a cable end is drawn on, and the rest of the end (the port): a host port
 * on its host, an array port on its controller, a switch (or switch port) on the switch.
 */
export function endpointDevice(topology: Topology, endpoint: string): { node: string; port: string } | undefined {
  const segments = endpoint.split('/');
  const first = segments[0] ?? '';
  const kind = topology.declarations.get(first)?.kind;
  if (kind === 'switch') return { node: first, port: segments.slice(1).join('/') };
  if (kind === 'host') return { node: first, port: segments.slice(1).join('/') };
  if (kind === 'array' && segments.length >= 2) return { node: `${first}/${segments[1]}`, port: segments.slice(2).join('/') };
  return undefined;
}

const LAYER_Y: Readonly<Record<'host' | 'switch' | 'array' | 'datastore', number>> = { host: 0, switch: 260, array: 460, datastore: 640 };
const GAP = 60;
const CHILD_COLUMNS = 4;
const CHILD_SPACING = 48;

/**
 * Positions for every leaf node, in the layers architects draw SANs in: hosts on top,
 * switches (fabric A before B) below them, arrays below the switches, datastores at the
 * bottom. Children (VMs, controllers) are laid in a grid inside their parent. A position
 * saved in the file's layout section moves the element (and its children) there.
 */
export function layeredLayout(nodes: readonly DiagramNode[], saved: ReadonlyMap<string, { x: number; y: number }>): Record<string, { x: number; y: number }> {
  const childrenOf = new Map<string, DiagramNode[]>();
  for (const node of nodes) {
    if (node.parent === undefined || node.kind === 'host') continue;
    const siblings = childrenOf.get(node.parent);
    if (siblings) siblings.push(node);
    else childrenOf.set(node.parent, [node]);
  }
  const widthOf = (node: DiagramNode) => Math.max(80, Math.min(CHILD_COLUMNS, childrenOf.get(node.id)?.length ?? 0) * CHILD_SPACING);
  const positions: Record<string, { x: number; y: number }> = {};
  const place = (node: DiagramNode, center: { x: number; y: number }) => {
    const children = childrenOf.get(node.id) ?? [];
    if (children.length === 0) {
      positions[node.id] = center;
      return;
    }
    const columns = Math.min(CHILD_COLUMNS, children.length);
    children.forEach((child, index) => {
      positions[child.id] = {
        x: center.x + ((index % columns) - (columns - 1) / 2) * CHILD_SPACING,
        y: center.y + Math.floor(index / columns) * CHILD_SPACING,
      };
    });
  };
  const fabricOrder = (node: DiagramNode) => (node.fabric === undefined ? 2 : node.fabric.toUpperCase() === 'A' ? 0 : 1);
  const layers = (Object.keys(LAYER_Y) as Array<keyof typeof LAYER_Y>).map((kind) => {
    const members = nodes.filter((node) => node.kind === kind);
    if (kind === 'switch') members.sort((a, b) => fabricOrder(a) - fabricOrder(b));
    return { kind, members, width: members.reduce((sum, node) => sum + widthOf(node) + GAP, -GAP) };
  });
  const widest = Math.max(0, ...layers.map((layer) => layer.width));
  for (const layer of layers) {
    let x = (widest - layer.width) / 2;
    for (const node of layer.members) {
      const width = widthOf(node);
      place(node, saved.get(node.id) ?? { x: x + width / 2, y: LAYER_Y[layer.kind] });
      x += width + GAP;
    }
  }
  return positions;
}
