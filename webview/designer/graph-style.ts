/**
 * The designer canvas's cytoscape stylesheet, from the VS Code theme's CSS variables (read
 * again when the theme changes): each kind of device its shape and icon (designer-icons.ts,
 * drawn in the theme's foreground), sizes and label fonts from diagram-sizes.ts, fabric
 * and severity colours. Labels are drawn on the canvas, never as markup.
 */

import type { StylesheetJson } from 'cytoscape';
import { themeColor } from '../common/theme';
import { iconDataUri, type DeviceIcon } from '../../src/core/view/designer-icons';
import type { DiagramNodeKind } from '../../src/core/view/diagram';
import { COMPOUND_PADDING, LABEL_FONT_PX, LABEL_MARGIN, LABEL_MAX_WIDTH, MIN_LABEL_SCREEN_PX, NODE_SIZE } from '../../src/core/view/diagram-sizes';
import { EDGE_LABEL_FONT_PX } from '../../src/core/view/designer-zoom';
import type { HiddenLabels } from './viewport';

export interface ThemeColours {
  readonly foreground: string;
  readonly background: string;
  readonly border: string;
  readonly error: string;
  readonly warning: string;
  readonly info: string;
  readonly fabricA: string;
  readonly fabricB: string;
  readonly accent: string;
  readonly match: string;
  /** Simulation playback: hosts cut off from their cluster, VMs running but unreachable. */
  readonly cutOff: string;
  /** The power overlay: feeds and the lines to them. */
  readonly power: string;
  /** Device borders and cables of no fabric: between the foreground and the background (the panel border is too faint on light themes). */
  readonly neutral: string;
}

export function themeColours(): ThemeColours {
  return {
    foreground: themeColor('--vscode-editor-foreground', '#333333'),
    background: themeColor('--vscode-editor-background', '#ffffff'),
    border: themeColor('--vscode-panel-border', '#888888'),
    error: themeColor('--vscode-editorError-foreground', '#e51400'),
    warning: themeColor('--vscode-editorWarning-foreground', '#bf8803'),
    info: themeColor('--vscode-editorInfo-foreground', '#1a85ff'),
    fabricA: themeColor('--vscode-charts-blue', '#1a85ff'),
    fabricB: themeColor('--vscode-charts-purple', '#b180d7'),
    accent: themeColor('--vscode-focusBorder', '#007fd4'),
    match: themeColor('--vscode-editor-findMatchHighlightBackground', '#ea5c0055'),
    cutOff: themeColor('--vscode-charts-orange', '#d18616'),
    power: themeColor('--vscode-charts-yellow', '#cca700'),
    neutral: themeColor('--vscode-descriptionForeground', '#717171'),
  };
}

type Style = StylesheetJson[number];

/** Each kind's size, label font and padding (the layout reckons with the same numbers). */
function kindStyles(): Style[] {
  return (Object.keys(NODE_SIZE) as DiagramNodeKind[]).map((kind) => ({
    selector: `node[kind = "${kind}"]`,
    style: {
      width: NODE_SIZE[kind].width, height: NODE_SIZE[kind].height, 'font-size': LABEL_FONT_PX[kind],
      'text-max-width': `${LABEL_MAX_WIDTH[kind]}px`, padding: `${COMPOUND_PADDING[kind]}px`,
    },
  }));
}

/** Icon size on a node drawn on its own, in pixels. */
const LEAF_ICON_PX: Readonly<Partial<Record<DiagramNodeKind, number>>> = { host: 24, vm: 14, switch: 22, array: 26, controller: 16, datastore: 18, 'power-feed': 18 };
/** Icon size in the top left corner of a box around what it holds (in its padding, diagram-sizes.ts). */
const CORNER_ICON_PX = 16;
const CONTROLLER_CORNER_ICON_PX = 12;

/**
 * Icons: centred on a device drawn on its own; in the top left corner (in the padding) of
 * a host, array, controller, site, rack or chassis drawn around what it holds. A large
 * design draws its VMs without (an image on each of 1,500 VMs costs a third of a second
 * when they are shown, and at that zoom an icon is a dot).
 */
function iconStyles(colours: ThemeColours, large: boolean): Style[] {
  const icon = (name: DeviceIcon, colour = colours.foreground) => ({ 'background-image': iconDataUri(name, colour), 'background-fit': 'none' as const, 'background-clip': 'none' as const, 'background-image-smoothing': 'yes' as const });
  const leaf = (kind: DiagramNodeKind) => {
    const size = `${LEAF_ICON_PX[kind] ?? 20}px`;
    return { 'background-width': size, 'background-height': size };
  };
  const corner = (px: number) => ({ 'background-width': `${px}px`, 'background-height': `${px}px`, 'background-position-x': '3px', 'background-position-y': '3px' });
  const iconOf: ReadonlyArray<readonly [string, DeviceIcon, DiagramNodeKind]> = [
    ['node[kind = "host"]', 'host', 'host'],
    ...(large ? [] : [['node[kind = "vm"]', 'vm', 'vm'] as const]),
    ['node[kind = "switch"][switchType = "fc"]', 'fc-switch', 'switch'],
    ['node[kind = "switch"][switchType != "fc"]', 'ethernet-switch', 'switch'],
    ['node[kind = "array"]', 'array', 'array'],
    ['node[kind = "controller"]', 'controller', 'controller'],
    ['node[kind = "datastore"]', 'datastore', 'datastore'],
    ['node[kind = "site"]', 'site', 'site'],
    ['node[kind = "rack"]', 'rack', 'rack'],
    ['node[kind = "chassis"]', 'chassis', 'chassis'],
  ];
  return [
    ...iconOf.map(([selector, name, kind]): Style => ({ selector, style: { ...icon(name), ...leaf(kind) } })),
    { selector: 'node[kind = "power-feed"]', style: { ...icon('power-feed', colours.power), ...leaf('power-feed') } },
    { selector: 'node[kind = "host"]:parent, node[kind = "array"]:parent, node[kind = "site"], node[kind = "rack"], node[kind = "chassis"]', style: corner(CORNER_ICON_PX) },
    { selector: 'node[kind = "controller"]:parent', style: corner(CONTROLLER_CORNER_ICON_PX) },
    // A collapsed site, rack or chassis: its icon left of its name and count.
    { selector: 'node[kind = "site"]:childless, node[kind = "rack"]:childless, node[kind = "chassis"]:childless', style: { 'background-width': '20px', 'background-height': '20px', 'background-position-x': '6px', 'background-position-y': '50%' } },
  ];
}

/** Labels too small to read at the current zoom (viewport.ts), drawn as nothing; the names of boxes, bigger. */
function hiddenLabelStyles(hidden: HiddenLabels | undefined): Style[] {
  if (!hidden) return [];
  return [
    // Not a collapsed box: its name is written inside it.
    ...hidden.grown.map(({ kind, fontPx }): Style => ({ selector: `node[kind = "${kind}"]:parent`, style: { 'font-size': fontPx } })),
    ...(hidden.kinds.length > 0 ? [{ selector: hidden.kinds.map((kind) => `node[kind = "${kind}"]`).join(', '), style: { label: '' } }] : []),
    ...(hidden.edges ? [{ selector: 'edge', style: { label: '' } }] : []),
  ];
}

/**
 * `large`: more than ~1,000 elements; straight haystack edges and no edge labels then.
 * `hidden`: the labels too small to read at the current zoom.
 */
export function designerStylesheet(colours: ThemeColours, large: boolean, hidden?: HiddenLabels): StylesheetJson {
  const { foreground, background, border, error, warning, info, fabricA, fabricB, accent, cutOff, power, neutral } = colours;
  return [
    {
      selector: 'node',
      style: {
        label: 'data(display)', color: foreground, 'min-zoomed-font-size': MIN_LABEL_SCREEN_PX, 'text-valign': 'bottom', 'text-margin-y': LABEL_MARGIN,
        'background-color': background, 'border-width': 1, 'border-color': neutral, shape: 'round-rectangle', 'text-wrap': 'ellipsis',
      },
    },
    ...kindStyles(),
    { selector: 'node:parent', style: { 'text-valign': 'top', 'text-margin-y': -LABEL_MARGIN, 'background-opacity': 0.05, 'font-weight': 'bold' } },
    { selector: 'node[kind = "cluster"]', style: { 'border-style': 'dashed', 'border-width': 1.5 } },
    // Failure domains: a site a wide, faint box; a rack a square-cornered one, tinted; a chassis a double border.
    // Tinted with the foreground, so they read on light, dark and high-contrast themes alike.
    { selector: 'node[kind = "site"]', style: { shape: 'round-rectangle', 'background-color': foreground, 'background-opacity': 0.025, 'border-width': 2, 'border-opacity': 0.55, 'font-weight': 'bold' } },
    { selector: 'node[kind = "rack"]', style: { shape: 'rectangle', 'background-color': foreground, 'background-opacity': 0.05, 'border-width': 1.5, 'border-opacity': 0.8, 'font-weight': 'bold' } },
    { selector: 'node[kind = "chassis"]', style: { shape: 'round-rectangle', 'background-color': foreground, 'background-opacity': 0.08, 'border-width': 3, 'border-style': 'double' } },
    // A collapsed (or empty) container: one box, its label and what it holds inside it.
    {
      selector: 'node[kind = "site"]:childless, node[kind = "rack"]:childless, node[kind = "chassis"]:childless',
      style: { 'text-valign': 'center', 'text-margin-y': 0, 'text-margin-x': 10, 'text-wrap': 'wrap', 'text-max-width': '110px', 'font-size': 12, 'background-opacity': 0.12 },
    },
    { selector: 'node[kind = "power-feed"]', style: { shape: 'hexagon', 'border-color': power, 'border-width': 2 } },
    // A device's shape says what it is, with its icon: a switch a device box (an FC switch with cut corners), a datastore a barrel.
    { selector: 'node[kind = "switch"][switchType = "fc"]', style: { shape: 'cut-rectangle' } },
    { selector: 'node[kind = "controller"]', style: { shape: 'rectangle' } },
    { selector: 'node[kind = "port"]', style: { shape: 'rectangle', 'text-margin-y': 2 } },
    { selector: 'node[kind = "datastore"]', style: { shape: 'barrel' } },
    { selector: 'node[fabric = "A"], node[fabric = "a"]', style: { 'border-color': fabricA, 'border-width': 2 } },
    { selector: 'node[fabric = "B"], node[fabric = "b"]', style: { 'border-color': fabricB, 'border-width': 2 } },
    ...iconStyles(colours, large),
    { selector: 'node[severity = "info"]', style: { 'border-color': info, 'border-width': 3 } },
    { selector: 'node[severity = "warning"]', style: { 'border-color': warning, 'border-width': 3 } },
    { selector: 'node[severity = "error"]', style: { 'border-color': error, 'border-width': 3, 'border-style': 'double' } },
    { selector: 'node.vt-dim', style: { opacity: 0.25 } },
    { selector: 'node.vt-match', style: { 'background-color': accent, 'background-opacity': 0.35 } },
    { selector: 'node.vt-link-source', style: { 'border-color': accent, 'border-width': 4, 'border-style': 'dotted' } },
    { selector: '.vt-sim-failed', style: { opacity: 0.35, 'background-color': border, 'border-style': 'dashed' } },
    { selector: 'edge.vt-sim-failed', style: { 'line-style': 'dotted', 'line-color': error } },
    { selector: 'node.vt-sim-down', style: { 'border-color': error, 'border-width': 3, 'background-color': error, 'background-opacity': 0.3 } },
    { selector: 'node.vt-sim-moved', style: { 'border-color': info, 'border-width': 3 } },
    { selector: 'node.vt-sim-unreachable', style: { 'border-color': cutOff, 'border-width': 3, 'border-style': 'dashed', 'background-color': cutOff, 'background-opacity': 0.3 } },
    { selector: 'node.vt-sim-isolated', style: { 'border-color': cutOff, 'border-width': 3, 'border-style': 'dashed', label: 'data(simLabel)', color: cutOff, 'font-weight': 'bold' } },
    { selector: 'node:selected', style: { 'overlay-opacity': 0.18, 'overlay-color': accent, 'overlay-padding': 4 } },
    {
      selector: 'edge',
      style: large
        ? { width: 1, 'line-color': neutral, 'curve-style': 'haystack', 'haystack-radius': 0 }
        : { width: 1.5, 'line-color': neutral, 'curve-style': 'straight', label: 'data(label)', 'font-size': EDGE_LABEL_FONT_PX, 'min-zoomed-font-size': MIN_LABEL_SCREEN_PX, color: foreground, 'text-rotation': 'autorotate', 'text-opacity': 0.8 },
    },
    { selector: 'edge[fabric = "A"], edge[fabric = "a"]', style: { 'line-color': fabricA } },
    { selector: 'edge[fabric = "B"], edge[fabric = "b"]', style: { 'line-color': fabricB } },
    { selector: 'edge[kind = "storage"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[kind = "suggested"]', style: { 'line-style': 'dashed', 'line-color': warning } },
    { selector: 'edge[kind = "power"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'line-color': power, width: 1.2, opacity: 0.85 } },
    { selector: 'edge[kind = "fed-from"]', style: { 'line-color': power, width: 2, ...(large ? {} : { 'target-arrow-shape': 'none', 'source-arrow-shape': 'triangle', 'source-arrow-color': power, 'arrow-scale': 0.8 }) } },
    { selector: 'edge:selected', style: { 'line-color': accent, width: 3 } },
    // A cable being drawn with the link tool (edgehandles' preview and ghost elements).
    { selector: '.eh-ghost-node', style: { width: 1, height: 1, opacity: 0, label: '' } },
    { selector: 'edge.eh-ghost-edge, edge.eh-preview', style: { 'line-color': accent, 'line-style': 'dashed', width: 2, label: '' } },
    { selector: 'edge.eh-ghost-edge.eh-preview-active', style: { opacity: 0 } },
    { selector: 'node.eh-source, node.eh-target', style: { 'border-color': accent, 'border-width': 3 } },
    ...hiddenLabelStyles(hidden),
  ];
}
