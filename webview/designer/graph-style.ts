/**
 * The designer canvas's cytoscape stylesheet, from the VS Code theme's CSS variables (read
 * again when the theme changes). Labels are drawn on the canvas, never as markup.
 */

import type { StylesheetJson } from 'cytoscape';
import { themeColor } from '../shared/theme';

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
  };
}

/** `large`: more than ~1,000 elements; straight haystack edges and no edge labels then. */
export function designerStylesheet(colours: ThemeColours, large: boolean): StylesheetJson {
  const { foreground, background, border, error, warning, info, fabricA, fabricB, accent, cutOff, power } = colours;
  return [
    {
      selector: 'node',
      style: {
        label: 'data(display)', color: foreground, 'font-size': 11, 'min-zoomed-font-size': 7, 'text-valign': 'bottom', 'text-margin-y': 4,
        'background-color': background, 'border-width': 1, 'border-color': border, width: 36, height: 24, shape: 'round-rectangle',
        'text-wrap': 'ellipsis', 'text-max-width': '140px',
      },
    },
    { selector: 'node:parent', style: { 'text-valign': 'top', 'text-margin-y': -4, padding: '12px', 'background-opacity': 0.05 } },
    { selector: 'node[kind = "cluster"]', style: { 'border-style': 'dashed' } },
    // Failure domains: a site a wide, faint box; a rack a square-cornered one, tinted; a chassis a double border.
    // Tinted with the foreground, so they read on light, dark and high-contrast themes alike.
    // Their names stay readable further out than a device's: they are what a zoomed-out picture is about.
    { selector: 'node[kind = "site"]', style: { shape: 'round-rectangle', 'background-color': foreground, 'background-opacity': 0.025, 'border-width': 2, 'border-opacity': 0.55, padding: '22px', 'font-size': 16, 'min-zoomed-font-size': 5, 'font-weight': 'bold' } },
    { selector: 'node[kind = "rack"]', style: { shape: 'rectangle', 'background-color': foreground, 'background-opacity': 0.05, 'border-width': 1.5, 'border-opacity': 0.8, padding: '16px', 'font-size': 14, 'min-zoomed-font-size': 5, 'font-weight': 'bold' } },
    { selector: 'node[kind = "chassis"]', style: { shape: 'round-rectangle', 'background-color': foreground, 'background-opacity': 0.08, 'border-width': 3, 'border-style': 'double', padding: '10px', 'font-size': 12, 'min-zoomed-font-size': 5 } },
    // A collapsed (or empty) container: one box, its label and what it holds inside it.
    {
      selector: 'node[kind = "site"]:childless, node[kind = "rack"]:childless, node[kind = "chassis"]:childless',
      style: { width: 150, height: 48, 'text-valign': 'center', 'text-margin-y': 0, 'text-wrap': 'wrap', 'text-max-width': '140px', 'font-size': 12, 'background-opacity': 0.12 },
    },
    { selector: 'node[kind = "power-feed"]', style: { shape: 'hexagon', width: 30, height: 26, 'border-color': power, 'border-width': 2, 'background-color': power, 'background-opacity': 0.15 } },
    { selector: 'node[kind = "vm"]', style: { width: 22, height: 16, 'font-size': 9, shape: 'rectangle' } },
    { selector: 'node[kind = "switch"]', style: { shape: 'diamond', width: 34, height: 34 } },
    { selector: 'node[kind = "controller"]', style: { width: 28, height: 20 } },
    { selector: 'node[kind = "port"]', style: { width: 12, height: 12, shape: 'rectangle', 'font-size': 8, 'text-margin-y': 2, 'text-max-width': '50px' } },
    { selector: 'node[kind = "datastore"]', style: { shape: 'barrel', width: 28, height: 30 } },
    { selector: 'node[fabric = "A"], node[fabric = "a"]', style: { 'border-color': fabricA, 'border-width': 2 } },
    { selector: 'node[fabric = "B"], node[fabric = "b"]', style: { 'border-color': fabricB, 'border-width': 2 } },
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
        ? { width: 1, 'line-color': border, 'curve-style': 'haystack', 'haystack-radius': 0 }
        : { width: 1.5, 'line-color': border, 'curve-style': 'straight', label: 'data(label)', 'font-size': 8, 'min-zoomed-font-size': 8, color: foreground, 'text-rotation': 'autorotate', 'text-opacity': 0.7 },
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
  ];
}
