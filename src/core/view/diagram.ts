/**
 * The picture of a design: devices as nodes (VMs and adapter ports inside their hosts,
 * controllers inside their arrays with their ports inside them), cables as edges from port
 * to port or switch, datastores tied to their array or host, and each node marked with the
 * worst finding about it. Pure data, so the webview only draws and the extension host only
 * sends.
 */

import type { Finding, Severity } from '../analysis/rule';
import type { Topology } from '../model/topology';
import { cableId } from '../model/cable-id';
import { counted } from '../text/plural';

export type DiagramNodeKind = 'cluster' | 'host' | 'vm' | 'port' | 'switch' | 'array' | 'controller' | 'datastore';
/** A `suggested` edge is a cable a quick fix would add (diagram-suggestions.ts), not one in the file. */
export type DiagramEdgeKind = 'cable' | 'storage' | 'suggested';

export interface DiagramNode {
  readonly id: string;
  readonly kind: DiagramNodeKind;
  readonly label: string;
  readonly parent?: string;
  /** Fabric or side (A/B) of a switch, so the two fabrics can be told apart. */
  readonly fabric?: string;
  /** What a switch carries: Fibre Channel or Ethernet (LAN, iSCSI). */
  readonly switchType?: 'fc' | 'ethernet';
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
  for (const host of topology.hosts) {
    for (const adapter of host.adapters) {
      for (const port of adapter.ports) {
        const facts = [`${PORT_TYPE[adapter.type]} port${port.speedMbps !== undefined ? `, ${speedText(port.speedMbps)}` : ''}`];
        if (port.roles && port.roles.length > 0) facts.push(`roles ${port.roles.join(', ')}`);
        addNode({ id: port.id, kind: 'port', label: port.id.slice(host.id.length + 1), parent: host.id, details: facts });
      }
    }
  }
  for (const networkSwitch of topology.switches) {
    addNode({
      id: networkSwitch.id,
      kind: 'switch',
      label: networkSwitch.fabric ? `${networkSwitch.id} (${networkSwitch.fabric})` : networkSwitch.id,
      ...(networkSwitch.fabric ? { fabric: networkSwitch.fabric } : {}),
      switchType: networkSwitch.type,
      details: [`${networkSwitch.type === 'fc' ? 'FC' : 'Ethernet'} switch${networkSwitch.fabric ? `, fabric ${networkSwitch.fabric}` : ''}`],
    });
  }
  for (const array of topology.arrays) {
    addNode({ id: array.id, kind: 'array', label: array.model ? `${array.id} (${array.model})` : array.id, details: [`array, ${counted(array.controllers.length, 'controller')}, mode ${array.mode ?? 'unspecified'}`] });
    for (const controller of array.controllers) {
      addNode({ id: controller.id, kind: 'controller', label: controller.id.slice(array.id.length + 1), parent: array.id, details: [`controller, ${controller.ports.length} host ports`] });
      for (const port of controller.ports) {
        addNode({
          id: port.id,
          kind: 'port',
          label: port.id.slice(controller.id.length + 1),
          parent: controller.id,
          details: [`${PORT_TYPE[port.type]} port${port.speedMbps !== undefined ? `, ${speedText(port.speedMbps)}` : ''}`],
        });
      }
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
  const drawnIds = new Set(nodes.map((node) => node.id));
  const nodeOf = (endpoint: string) => endpointNode(topology, endpoint, drawnIds);
  topology.links.forEach((link, index) => {
    const from = nodeOf(link.from);
    const to = nodeOf(link.to);
    if (!from || !to) return;
    const fabric = topology.networkSwitch(from.node)?.fabric ?? topology.networkSwitch(to.node)?.fabric;
    edges.push({
      id: cableId(index),
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
 * The node a cable end is drawn on, and the rest of the end (a switch port, which is not a
 * node): a declared host or array port is its own node; otherwise a host port on its host,
 * an array port on its controller, a switch or switch port on the switch.
 */
export function endpointNode(topology: Topology, endpoint: string, drawn: ReadonlySet<string>): { node: string; port: string } | undefined {
  if (drawn.has(endpoint) && topology.declarations.get(endpoint)?.kind === 'port') return { node: endpoint, port: '' };
  const segments = endpoint.split('/');
  const first = segments[0] ?? '';
  const kind = topology.declarations.get(first)?.kind;
  if (kind === 'switch') return { node: first, port: segments.slice(1).join('/') };
  if (kind === 'host') return { node: first, port: segments.slice(1).join('/') };
  if (kind === 'array' && segments.length >= 2) return { node: `${first}/${segments[1]}`, port: segments.slice(2).join('/') };
  return undefined;
}

const PORT_TYPE: Readonly<Record<string, string>> = { fc: 'FC', iscsi: 'iSCSI', ethernet: 'Ethernet', cna: 'CNA', nfs: 'NFS' };

function speedText(speedMbps: number): string {
  return speedMbps >= 1000 ? `${speedMbps / 1000} Gbps` : `${speedMbps} Mbps`;
}

const LAYER_Y: Readonly<Record<'host' | 'switch' | 'array' | 'datastore', number>> = { host: 0, switch: 260, array: 460, datastore: 640 };
const GAP = 60;
/** Least room between the bottom of a layer and the next layer's first row. */
const LAYER_GAP = 100;
/** How children sit inside their parent: a grid per kind (VMs, then ports, then controllers), stacked. */
const CHILD_GRID: Readonly<Record<string, { readonly columns: number; readonly width: number; readonly height: number }>> = {
  vm: { columns: 4, width: 48, height: 48 },
  port: { columns: 6, width: 52, height: 40 },
  controller: { columns: 4, width: 52, height: 40 },
};
const DEFAULT_GRID = { columns: 4, width: 48, height: 48 };
/** Room between compound children (a controller's box and label). */
const COMPOUND_GAP = 28;

/** The children of each parent the layout arranges (hosts in clusters are placed, not gridded). */
export function childrenIndex(nodes: readonly DiagramNode[]): ReadonlyMap<string, readonly DiagramNode[]> {
  const childrenOf = new Map<string, DiagramNode[]>();
  for (const node of nodes) {
    if (node.parent === undefined || node.kind === 'host') continue;
    const siblings = childrenOf.get(node.parent);
    if (siblings) siblings.push(node);
    else childrenOf.set(node.parent, [node]);
  }
  return childrenOf;
}

interface ChildBlock {
  readonly width: number;
  readonly height: number;
  /** Where each leaf descendant sits relative to the parent's anchor (the middle of its first row). */
  readonly offsets: ReadonlyMap<string, { readonly x: number; readonly y: number }>;
}

/**
 * The grid a parent's children are laid in: one grid per kind of child (VMs, then ports,
 * then controllers, each with their own ports), one under the other, each centred. A
 * parent's anchor is the middle of its first row: that is the position the file's layout
 * section keeps for it.
 */
function childBlock(id: string, childrenOf: ReadonlyMap<string, readonly DiagramNode[]>): ChildBlock | undefined {
  const children = childrenOf.get(id);
  if (!children || children.length === 0) return undefined;
  const groups = new Map<string, DiagramNode[]>();
  for (const child of children) {
    const group = groups.get(child.kind);
    if (group) group.push(child);
    else groups.set(child.kind, [child]);
  }
  const offsets = new Map<string, { x: number; y: number }>();
  let top = 0;
  let width = 0;
  for (const [kind, group] of groups) {
    const grid = CHILD_GRID[kind] ?? DEFAULT_GRID;
    const blocks = group.map((child) => childBlock(child.id, childrenOf));
    const cellWidth = Math.max(grid.width, ...blocks.map((block) => (block ? block.width + COMPOUND_GAP : 0)));
    const cellHeight = Math.max(grid.height, ...blocks.map((block) => (block ? block.height + COMPOUND_GAP : 0)));
    const columns = Math.min(grid.columns, group.length);
    group.forEach((child, index) => {
      const x = ((index % columns) - (columns - 1) / 2) * cellWidth;
      const y = top + Math.floor(index / columns) * cellHeight;
      const block = blocks[index];
      if (!block) offsets.set(child.id, { x, y });
      else for (const [leaf, offset] of block.offsets) offsets.set(leaf, { x: x + offset.x, y: y + offset.y });
    });
    top += Math.ceil(group.length / columns) * cellHeight;
    width = Math.max(width, columns * cellWidth);
  }
  return { width, height: top, offsets };
}

/**
 * The position the layout gave an element (what the layout section holds for it): its own
 * position, or for a parent the anchor of its children's grid, read back from the first of
 * them that has a position.
 */
export function layoutCenter(diagram: Diagram, id: string, childrenOf: ReadonlyMap<string, readonly DiagramNode[]> = childrenIndex(diagram.nodes)): { x: number; y: number } | undefined {
  const own = diagram.positions[id];
  if (own) return own;
  const block = childBlock(id, childrenOf);
  if (!block) return undefined;
  for (const [leaf, offset] of block.offsets) {
    const at = diagram.positions[leaf];
    if (at) return { x: at.x - offset.x, y: at.y - offset.y };
  }
  return undefined;
}

/**
 * Positions for every leaf node, in the layers architects draw SANs in: hosts on top,
 * switches (fabric A before B) below them, arrays below the switches, datastores at the
 * bottom. Children (VMs and ports, controllers and their ports) are laid in grids inside
 * their parent (childBlock). A position saved in the file's layout section moves the
 * element (and its children) there; the layers are centred under the saved ones and each
 * starts below the bottom of the layers above it.
 */
export function layeredLayout(nodes: readonly DiagramNode[], saved: ReadonlyMap<string, { x: number; y: number }>): Record<string, { x: number; y: number }> {
  const childrenOf = childrenIndex(nodes);
  const blocks = new Map<string, ChildBlock | undefined>();
  const blockOf = (node: DiagramNode) => {
    if (!blocks.has(node.id)) blocks.set(node.id, childBlock(node.id, childrenOf));
    return blocks.get(node.id);
  };
  const widthOf = (node: DiagramNode) => Math.max(80, blockOf(node)?.width ?? 0);
  const positions: Record<string, { x: number; y: number }> = {};
  const place = (node: DiagramNode, anchor: { x: number; y: number }) => {
    const block = blockOf(node);
    if (!block) {
      positions[node.id] = anchor;
      return;
    }
    for (const [leaf, offset] of block.offsets) positions[leaf] = { x: anchor.x + offset.x, y: anchor.y + offset.y };
  };
  const fabricOrder = (node: DiagramNode) => (node.fabric === undefined ? 2 : node.fabric.toUpperCase() === 'A' ? 0 : 1);
  const layers = (Object.keys(LAYER_Y) as Array<keyof typeof LAYER_Y>).map((kind) => {
    const members = nodes.filter((node) => node.kind === kind);
    if (kind === 'switch') members.sort((a, b) => fabricOrder(a) - fabricOrder(b));
    return { kind, members, width: members.reduce((sum, node) => sum + widthOf(node) + GAP, -GAP) };
  });
  // Layers are centred under the elements placed by hand, if any, else under the widest layer.
  const savedXs = layers.flatMap((layer) => layer.members.flatMap((node) => saved.get(node.id)?.x ?? []));
  const middle = savedXs.length > 0 ? (Math.min(...savedXs) + Math.max(...savedXs)) / 2 : Math.max(0, ...layers.map((layer) => layer.width)) / 2;
  // Each layer starts below the one above it, however tall its hosts or wherever they were put.
  let bottom = -Infinity;
  for (const layer of layers) {
    const y = Math.max(LAYER_Y[layer.kind], bottom + LAYER_GAP);
    let x = middle - layer.width / 2;
    for (const node of layer.members) {
      const width = widthOf(node);
      const anchor = saved.get(node.id) ?? { x: x + width / 2, y };
      place(node, anchor);
      bottom = Math.max(bottom, anchor.y + (blockOf(node)?.height ?? 0));
      x += width + GAP;
    }
  }
  return positions;
}
