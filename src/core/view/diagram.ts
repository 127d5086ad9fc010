/**
 * The picture of a design: devices as nodes (VMs and adapter ports inside their hosts,
 * controllers inside their arrays with their ports inside them), cables as edges from port
 * to port or switch, datastores tied to their array or host, and each node marked with the
 * worst finding about it. When the design says where its devices stand, sites, racks and
 * chassis are boxes around them, and power feeds come with edges from what they supply
 * (diagram-domains.ts). Pure data, so the webview only draws and the extension host only
 * sends.
 */

import type { Finding, Severity } from '../analysis/rule';
import type { Topology } from '../model/topology';
import { cableId } from '../model/cable-id';
import { formatList } from '../l10n/format';
import { defineMessages } from '../l10n/messages';
import { grouped } from '../text/plural';

/** The facts the designer's panel and the preview show of an element (`details`). */
const MESSAGES = defineMessages('diagram', {
  cluster: 'cluster, {count} hosts',
  haOn: 'HA on',
  haOff: 'HA off',
  host: 'host',
  hostModel: 'host, {model}',
  inCluster: 'cluster {id}',
  hostCpu: '{cores} cores x {speed} MHz, {memory} GB',
  hostVms: '{count} VMs, state {state}',
  vm: 'VM, {cpus} vCPU, {memory} GB',
  vmWithRole: 'VM, {role}, {cpus} vCPU, {memory} GB',
  vmPower: 'power {power}, restart {priority}',
  vmPowerDefault: 'power {power}, restart cluster default',
  ethernet: 'Ethernet',
  port: '{type} port',
  portSpeed: '{type} port, {speed}',
  roles: 'roles {roles}',
  fcSwitch: 'FC switch',
  fcSwitchFabric: 'FC switch, fabric {fabric}',
  ethernetSwitch: 'Ethernet switch',
  ethernetSwitchFabric: 'Ethernet switch, fabric {fabric}',
  arrayOneController: 'array, {count} controller, mode {mode}',
  arrayControllers: 'array, {count} controllers, mode {mode}',
  unspecified: 'unspecified',
  controller: 'controller, {count} host ports',
  localDatastore: '{protocol} datastore, local',
  sharedDatastore: '{protocol} datastore, shared',
});
import type { Box } from './designer-model';
import { diagramBoxes, separateSiblings } from './diagram-boxes';
import { domainPicture, feedPositions, isContainerKind } from './diagram-domains';

export type DiagramNodeKind = 'cluster' | 'host' | 'vm' | 'port' | 'switch' | 'array' | 'controller' | 'datastore' | 'site' | 'rack' | 'chassis' | 'power-feed';
/**
 * A `suggested` edge is a cable a quick fix would add (diagram-suggestions.ts), not one in
 * the file; a `power` edge runs from a device to a feed one of its supplies hangs on, a
 * `fed-from` edge from a feed to the feed upstream of it.
 */
export type DiagramEdgeKind = 'cable' | 'storage' | 'suggested' | 'power' | 'fed-from';

export interface DiagramNode {
  readonly id: string;
  readonly kind: DiagramNodeKind;
  readonly label: string;
  readonly parent?: string;
  /** Fabric or side (A/B) of a switch, so the two fabrics can be told apart. */
  readonly fabric?: string;
  /** What a switch carries: Fibre Channel or Ethernet (LAN, iSCSI). */
  readonly switchType?: 'fc' | 'ethernet';
  /** A host's cluster, when the host is drawn in a site, rack or chassis rather than in its cluster's box. */
  readonly cluster?: string;
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

  // Sites, racks and chassis first: they hold devices (parents before children).
  const domains = domainPicture(topology);
  for (const node of domains.nodes) if (node.kind !== 'power-feed') addNode(node);
  for (const cluster of topology.clusters) {
    addNode({ id: cluster.id, kind: 'cluster', label: cluster.id, details: [MESSAGES.cluster({ count: grouped(topology.hostsInCluster(cluster.id).length) }), cluster.ha?.enabled === false ? MESSAGES.haOff({}) : MESSAGES.haOn({})] });
  }
  for (const host of topology.hosts) {
    const cluster = topology.clusterOfHost(host);
    // A host that stands in a site, rack or chassis is drawn there; it names its cluster.
    const placed = domains.parentOf.get(host.id);
    addNode({
      id: host.id,
      kind: 'host',
      label: host.id,
      ...(placed !== undefined ? { parent: placed, ...(cluster ? { cluster: cluster.id } : {}) } : cluster ? { parent: cluster.id } : {}),
      details: [
        host.model ? MESSAGES.hostModel({ model: host.model }) : MESSAGES.host({}),
        ...(placed !== undefined && cluster ? [MESSAGES.inCluster({ id: cluster.id })] : []),
        MESSAGES.hostCpu({ cores: host.cpu.cores, speed: host.cpu.speedMHz, memory: Math.round(host.memoryMB / 1024) }),
        MESSAGES.hostVms({ count: grouped(topology.vmsOnHost(host.id).length), state: host.state }),
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
      details: [
        vm.role ? MESSAGES.vmWithRole({ role: vm.role, cpus: vm.cpus, memory: Math.round(vm.memoryMB / 1024) }) : MESSAGES.vm({ cpus: vm.cpus, memory: Math.round(vm.memoryMB / 1024) }),
        vm.restartPriority !== undefined ? MESSAGES.vmPower({ power: vm.power, priority: vm.restartPriority }) : MESSAGES.vmPowerDefault({ power: vm.power }),
      ],
    });
  }
  for (const host of topology.hosts) {
    for (const adapter of host.adapters) {
      for (const port of adapter.ports) {
        const facts = [portFacts(adapter.type, port.speedMbps)];
        if (port.roles && port.roles.length > 0) facts.push(MESSAGES.roles({ roles: formatList(port.roles) }));
        addNode({ id: port.id, kind: 'port', label: port.id.slice(host.id.length + 1), parent: host.id, details: facts });
      }
    }
  }
  for (const networkSwitch of topology.switches) {
    const placed = domains.parentOf.get(networkSwitch.id);
    addNode({
      id: networkSwitch.id,
      kind: 'switch',
      label: networkSwitch.fabric ? `${networkSwitch.id} (${networkSwitch.fabric})` : networkSwitch.id,
      ...(placed !== undefined ? { parent: placed } : {}),
      ...(networkSwitch.fabric ? { fabric: networkSwitch.fabric } : {}),
      switchType: networkSwitch.type,
      details: [networkSwitch.type === 'fc'
        ? (networkSwitch.fabric ? MESSAGES.fcSwitchFabric({ fabric: networkSwitch.fabric }) : MESSAGES.fcSwitch({}))
        : (networkSwitch.fabric ? MESSAGES.ethernetSwitchFabric({ fabric: networkSwitch.fabric }) : MESSAGES.ethernetSwitch({}))],
    });
  }
  for (const array of topology.arrays) {
    const placed = domains.parentOf.get(array.id);
    addNode({ id: array.id, kind: 'array', label: array.model ? `${array.id} (${array.model})` : array.id, ...(placed !== undefined ? { parent: placed } : {}), details: [(array.controllers.length === 1 ? MESSAGES.arrayOneController : MESSAGES.arrayControllers)({ count: grouped(array.controllers.length), mode: array.mode ?? MESSAGES.unspecified({}) })] });
    for (const controller of array.controllers) {
      addNode({ id: controller.id, kind: 'controller', label: controller.id.slice(array.id.length + 1), parent: array.id, details: [MESSAGES.controller({ count: grouped(controller.ports.length) })] });
      for (const port of controller.ports) {
        addNode({
          id: port.id,
          kind: 'port',
          label: port.id.slice(controller.id.length + 1),
          parent: controller.id,
          details: [portFacts(port.type, port.speedMbps)],
        });
      }
    }
  }
  const edges: DiagramEdge[] = [];
  for (const datastore of topology.datastores) {
    addNode({ id: datastore.id, kind: 'datastore', label: datastore.id, details: [topology.isLocalDatastore(datastore) ? MESSAGES.localDatastore({ protocol: datastore.protocol }) : MESSAGES.sharedDatastore({ protocol: datastore.protocol })] });
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
  for (const node of domains.nodes) if (node.kind === 'power-feed') addNode(node);
  edges.push(...domains.edges);
  const saved = new Map<string, { x: number; y: number }>();
  for (const [id, entry] of topology.file?.layout ?? []) saved.set(id, entry.value);
  const positions = layeredLayout(nodes, saved);
  return { nodes, edges, positions: { ...positions, ...feedPositions(nodes, edges, positions, saved) } };
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

const PORT_TYPE: Readonly<Record<string, string>> = { fc: 'FC', iscsi: 'iSCSI', cna: 'CNA', nfs: 'NFS' };

/** A port's first line of facts: `FC port, 16 Gbps`. */
function portFacts(type: string, speedMbps: number | undefined): string {
  const kind = type === 'ethernet' ? MESSAGES.ethernet({}) : PORT_TYPE[type] ?? type;
  return speedMbps !== undefined ? MESSAGES.portSpeed({ type: kind, speed: speedText(speedMbps) }) : MESSAGES.port({ type: kind });
}

function speedText(speedMbps: number): string {
  return speedMbps >= 1000 ? `${speedMbps / 1000} Gbps` : `${speedMbps} Mbps`;
}

const LAYER_Y: Readonly<Record<'host' | 'switch' | 'array' | 'datastore', number>> = { host: 0, switch: 220, array: 400, datastore: 560 };
/** Least room between two devices side by side (their boxes, labels included). */
const GAP = 40;
/** Least room between the boxes of a layer (labels included) and those of the next layer. */
const LAYER_GAP = 70;
/** How children sit inside their parent: a grid per kind (VMs, then ports, then controllers), stacked. */
const CHILD_GRID: Readonly<Record<string, { readonly columns: number; readonly width: number; readonly height: number }>> = {
  vm: { columns: 4, width: 84, height: 50 },
  // Four ports a row: an adapter's two ports side by side, a six-port host a compact box.
  port: { columns: 4, width: 64, height: 40 },
  controller: { columns: 4, width: 52, height: 40 },
};
const DEFAULT_GRID = { columns: 4, width: 48, height: 48 };
/** Room between compound children (a controller's box and label). */
const COMPOUND_GAP = 28;

/** Kinds placed in layers, not gridded in their parent: hosts in clusters, devices and containers in sites, racks and chassis. */
const PLACED_KINDS: ReadonlySet<string> = new Set(['host', 'switch', 'array', 'site', 'rack', 'chassis']);

/** The children of each parent the layout arranges in grids (VMs and ports in hosts, controllers in arrays, ports in controllers). */
export function childrenIndex(nodes: readonly DiagramNode[]): ReadonlyMap<string, readonly DiagramNode[]> {
  const childrenOf = new Map<string, DiagramNode[]>();
  for (const node of nodes) {
    if (node.parent === undefined || PLACED_KINDS.has(node.kind)) continue;
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
 * Positions for every leaf node, in the layers architects draw SANs in: hosts on top (a
 * cluster's hosts together), switches below them (fabric A on the left, B on the right,
 * the LAN between), arrays below the switches, datastores at the bottom. Children (VMs and ports, controllers and their ports) are laid in grids inside
 * their parent (childBlock). A position saved in the file's layout section moves the
 * element (and its children) there; the layers are centred under the saved ones and each
 * starts below the bottom of the layers above it.
 *
 * Devices in sites, racks and chassis are laid in columns, one per container (a site's own
 * devices, then each of its racks, each rack's own devices, then its chassis), side by side
 * in the file's order with room between containers; the devices in no container come last.
 * Each column runs down through the host, switch and array layers, so a rack is one box
 * with its hosts on top and its switches and arrays below; in a container a layer's devices
 * go in rows of at most CONTAINER_ROW, so a rack of twenty hosts is a block, not a line. An empty container (a rack
 * just added) takes a place in the host layer of its column. Datastores are in no
 * container and stay centred under everything. Without containers there is one column:
 * the layers are centred as they always were.
 *
 * Last, no two boxes overlap (diagram-boxes.ts separateSiblings): hosts, clusters, arrays,
 * sites, racks and chassis that would (saved positions too close for what they now hold)
 * are pushed apart, rightwards.
 */
export function layeredLayout(nodes: readonly DiagramNode[], saved: ReadonlyMap<string, { x: number; y: number }>): Record<string, { x: number; y: number }> {
  const childrenOf = childrenIndex(nodes);
  const blocks = new Map<string, ChildBlock | undefined>();
  const blockOf = (node: DiagramNode) => {
    if (!blocks.has(node.id)) blocks.set(node.id, childBlock(node.id, childrenOf));
    return blocks.get(node.id);
  };
  const extents = placedExtents(nodes, blockOf);
  const extentOf = (node: DiagramNode) => extents.get(node.id) ?? { x1: -40, y1: -20, x2: 40, y2: 20 };
  const widthOf = (node: DiagramNode) => Math.max(80, extentOf(node).x2 - extentOf(node).x1);
  const reachAbove = (row: readonly DiagramNode[]) => Math.max(0, ...row.map((node) => -extentOf(node).y1));
  const positions: Record<string, { x: number; y: number }> = {};
  const place = (node: DiagramNode, anchor: { x: number; y: number }) => {
    const block = blockOf(node);
    if (!block) {
      positions[node.id] = anchor;
      return;
    }
    for (const [leaf, offset] of block.offsets) positions[leaf] = { x: anchor.x + offset.x, y: anchor.y + offset.y };
  };
  const columns = containerColumns(nodes);
  // A cluster's hosts side by side, so cluster boxes do not overlap however the file orders its hosts.
  const clusterRank = new Map<string, number>();
  for (const node of nodes) {
    const cluster = node.kind === 'host' ? node.cluster ?? node.parent ?? '' : '';
    if (!clusterRank.has(cluster)) clusterRank.set(cluster, clusterRank.size);
  }
  const clusterOrder = (node: DiagramNode) => (node.kind === 'host' ? clusterRank.get(node.cluster ?? node.parent ?? '') ?? 0 : 0);
  const layers = (Object.keys(LAYER_Y) as Array<keyof typeof LAYER_Y>).map((kind) => {
    const members = nodes.filter((node) => node.kind === kind || (kind === 'host' && columns.placeholders.has(node.id)));
    if (kind === 'switch') members.sort((a, b) => fabricSide(a) - fabricSide(b));
    if (kind === 'host') members.sort((a, b) => clusterOrder(a) - clusterOrder(b));
    return { kind, members, width: members.reduce((sum, node) => sum + widthOf(node) + GAP, -GAP) };
  });
  // How wide each column is: its widest layer.
  const rowWidth = (row: readonly DiagramNode[]) => row.reduce((sum, node) => sum + widthOf(node) + GAP, -GAP);
  // In a container, a layer's devices are laid in rows of a few: a rack of 20 hosts is a block, not a line.
  const rowsOf = (key: string, members: readonly DiagramNode[]): DiagramNode[][] => {
    if (key === '') return [[...members]];
    const rows: DiagramNode[][] = [];
    for (let at = 0; at < members.length; at += CONTAINER_ROW) rows.push(members.slice(at, at + CONTAINER_ROW));
    return rows;
  };
  const columnWidths = columns.order.map((key) => Math.max(0, ...layers.filter((layer) => COLUMN_LAYERS.has(layer.kind)).flatMap((layer) => rowsOf(key, layer.members.filter((node) => columns.of(node) === key)).map(rowWidth))));
  const gaps = columns.order.map((key, index) => (index === 0 ? 0 : GAP + CONTAINER_GAP * columns.boundaries(columns.order[index - 1] ?? '', key)));
  const columnsWidth = columnWidths.reduce((sum, width, index) => sum + width + (gaps[index] ?? 0), 0);
  // Layers are centred under the elements placed by hand, if any, else under the widest layer.
  const savedXs = layers.flatMap((layer) => layer.members.flatMap((node) => saved.get(node.id)?.x ?? []));
  const widest = Math.max(0, columnsWidth, ...layers.filter((layer) => !COLUMN_LAYERS.has(layer.kind)).map((layer) => layer.width));
  const middle = savedXs.length > 0 ? (Math.min(...savedXs) + Math.max(...savedXs)) / 2 : widest / 2;
  // The middle of each column; one column (no containers) is centred on the middle itself.
  const columnMiddle = new Map<string, number>();
  let left = middle - columnsWidth / 2;
  columns.order.forEach((key, index) => {
    left += gaps[index] ?? 0;
    const width = columnWidths[index] ?? 0;
    columnMiddle.set(key, columns.order.length === 1 ? middle : left + width / 2);
    left += width;
  });
  // Each layer starts below the boxes of the one above it, however tall its hosts or wherever they were put.
  let bottom = -Infinity;
  for (const layer of layers) {
    const y = Math.max(LAYER_Y[layer.kind], bottom + LAYER_GAP + reachAbove(layer.members));
    const groups = COLUMN_LAYERS.has(layer.kind) ? columns.order.map((key) => layer.members.filter((node) => columns.of(node) === key)) : [layer.members];
    groups.forEach((members, index) => {
      const key = COLUMN_LAYERS.has(layer.kind) ? columns.order[index] ?? '' : '';
      const center = COLUMN_LAYERS.has(layer.kind) ? columnMiddle.get(key) ?? middle : middle;
      let rowY = y;
      rowsOf(key, members).forEach((row, rowIndex) => {
        if (rowIndex > 0) rowY += reachAbove(row);
        let x = center - rowWidth(row) / 2;
        let rowBottom = rowY;
        for (const node of row) {
          const nodeWidth = widthOf(node);
          const anchor = saved.get(node.id) ?? { x: x + nodeWidth / 2, y: rowY };
          place(node, anchor);
          bottom = Math.max(bottom, anchor.y + extentOf(node).y2);
          rowBottom = Math.max(rowBottom, rowY + extentOf(node).y2);
          x += nodeWidth + GAP;
        }
        rowY = rowBottom + ROW_GAP;
      });
    });
  }
  return separateSiblings(nodes, positions);
}

/** Fabric A on the left, B on the right, switches of no fabric (the LAN) between them, other fabrics last. */
function fabricSide(node: DiagramNode): number {
  const fabric = node.fabric?.toUpperCase();
  return fabric === 'A' ? 0 : fabric === undefined ? 1 : fabric === 'B' ? 2 : 3;
}

/** The layers laid in container columns; datastores are in none. */
const COLUMN_LAYERS: ReadonlySet<string> = new Set(['host', 'switch', 'array']);
/** Extra room between two columns for each container box edge between them (its padding and border). */
const CONTAINER_GAP = 30;
/** Most devices of one layer side by side in a container; more go in further rows. */
const CONTAINER_ROW = 4;
/** Room between two rows of devices in a container (their boxes, labels included). */
const ROW_GAP = 40;

/**
 * How far each device the layout places reaches around its anchor (the middle of its first
 * row of children, or its own centre), labels and padding included: its box
 * (diagram-boxes.ts) with its children laid at their offsets around (0, 0).
 */
function placedExtents(nodes: readonly DiagramNode[], blockOf: (node: DiagramNode) => ChildBlock | undefined): Map<string, Box> {
  // Clusters too: one whose hosts all stand in racks is placed like a host.
  const placed = nodes.filter((node) => PLACED_KINDS.has(node.kind) || node.kind === 'cluster');
  const around: Record<string, { x: number; y: number }> = {};
  for (const node of placed) {
    const block = blockOf(node);
    if (block) for (const [leaf, offset] of block.offsets) around[leaf] = offset;
    else around[node.id] = { x: 0, y: 0 };
  }
  const boxes = diagramBoxes(nodes, around);
  return new Map(placed.flatMap((node) => {
    const box = boxes.get(node.id)?.outer;
    // Whole units outwards: the layout's positions stay whole numbers.
    return box ? [[node.id, { x1: Math.floor(box.x1), y1: Math.floor(box.y1), x2: Math.ceil(box.x2), y2: Math.ceil(box.y2) }] as const] : [];
  }));
}

interface Columns {
  /** Column keys, left to right: the containers a column's devices stand in, outermost first, joined. */
  readonly order: readonly string[];
  of(node: DiagramNode): string;
  /** How many container edges lie between two columns. */
  boundaries(a: string, b: string): number;
  /** Empty containers (and, with containers, clusters whose hosts all stand elsewhere): placed like hosts. */
  readonly placeholders: ReadonlySet<string>;
}

function containerColumns(nodes: readonly DiagramNode[]): Columns {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const containers = nodes.filter((node) => isContainerKind(node.kind));
  if (containers.length === 0) return { order: [''], of: () => '', boundaries: () => 0, placeholders: new Set() };
  const parents = new Set(nodes.flatMap((node) => (node.parent !== undefined ? [node.parent] : [])));
  const placeholders = new Set(nodes.filter((node) => (isContainerKind(node.kind) || node.kind === 'cluster') && !parents.has(node.id)).map((node) => node.id));
  const SEPARATOR = '\u0000';
  const paths = new Map<string, readonly string[]>();
  const pathOf = (node: DiagramNode): readonly string[] => {
    const known = paths.get(node.id);
    if (known) return known;
    const path: string[] = [];
    const seen = new Set<string>([node.id]);
    for (let parent = node.parent; parent !== undefined && !seen.has(parent); parent = byId.get(parent)?.parent) {
      seen.add(parent);
      if (isContainerKind(byId.get(parent)?.kind ?? '')) path.unshift(parent);
    }
    if (placeholders.has(node.id) && isContainerKind(node.kind)) path.push(node.id);
    paths.set(node.id, path);
    return path;
  };
  // Containers in the order a walk of the container tree meets them (the file's order among siblings).
  const rank = new Map<string, number>();
  const childContainers = new Map<string, DiagramNode[]>();
  const roots: DiagramNode[] = [];
  for (const container of containers) {
    const outer = pathOf(container).filter((id) => id !== container.id).at(-1);
    if (outer === undefined) roots.push(container);
    else childContainers.set(outer, [...(childContainers.get(outer) ?? []), container]);
  }
  const visit = (container: DiagramNode) => {
    if (rank.has(container.id)) return;
    rank.set(container.id, rank.size);
    for (const inner of childContainers.get(container.id) ?? []) visit(inner);
  };
  roots.forEach(visit);
  const keys = new Map<string, readonly string[]>();
  for (const node of nodes) {
    if (COLUMN_LAYERS.has(node.kind) || placeholders.has(node.id)) {
      const path = pathOf(node);
      keys.set(path.join(SEPARATOR), path);
    }
  }
  const compare = (a: readonly string[], b: readonly string[]): number => {
    // The devices in no container come last; a container's own devices before its inner containers.
    if (a.length === 0 || b.length === 0) return b.length - a.length;
    for (let index = 0; index < Math.min(a.length, b.length); index++) {
      if (a[index] !== b[index]) return (rank.get(a[index] ?? '') ?? 0) - (rank.get(b[index] ?? '') ?? 0);
    }
    return a.length - b.length;
  };
  const order = [...keys.values()].sort(compare).map((path) => path.join(SEPARATOR));
  return {
    order: order.length > 0 ? order : [''],
    of: (node) => pathOf(node).join(SEPARATOR),
    boundaries: (a, b) => {
      const pa = a === '' ? [] : a.split(SEPARATOR);
      const pb = b === '' ? [] : b.split(SEPARATOR);
      let common = 0;
      while (common < pa.length && common < pb.length && pa[common] === pb[common]) common++;
      return pa.length - common + (pb.length - common);
    },
    placeholders,
  };
}
