/**
 * The design preview: draws the diagram the extension sends (cytoscape), marks elements
 * with findings, and asks the extension to reveal an element's text when it is clicked.
 * Labels are drawn on the canvas or set as textContent: file data never becomes markup.
 */

import './common/language';
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import type { Diagram, DiagramNode } from '../src/core/view/diagram';
import type { HostToPreviewMessage, PreviewToHostMessage } from '../src/core/view/protocol';
import { onThemeChange, themeColor } from './common/theme';
import { hostChannel, onHostMessage } from './common/vscode-api';
import { PREVIEW_TEXTS as TEXTS, severityName } from '../src/core/view/designer-texts';
import { grouped } from '../src/core/text/plural';

const toHost = hostChannel<PreviewToHostMessage>();
const container = requireElement('canvas');
const details = requireElement('details');
const status = requireElement('status');
let graph: Core | undefined;
let lastDiagram: Diagram | undefined;

function requireElement(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`preview markup lacks #${id}`);
  return element;
}

function stylesheet(): StylesheetJson {
  const foreground = themeColor('--vscode-editor-foreground', '#333');
  const background = themeColor('--vscode-editor-background', '#fff');
  const border = themeColor('--vscode-panel-border', '#888');
  const error = themeColor('--vscode-editorError-foreground', '#e51400');
  const warning = themeColor('--vscode-editorWarning-foreground', '#bf8803');
  const info = themeColor('--vscode-editorInfo-foreground', '#1a85ff');
  const fabricA = themeColor('--vscode-charts-blue', '#1a85ff');
  const fabricB = themeColor('--vscode-charts-purple', '#b180d7');
  return [
    { selector: 'node', style: { label: 'data(label)', color: foreground, 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, 'background-color': background, 'border-width': 1, 'border-color': border, width: 36, height: 24, shape: 'round-rectangle' } },
    { selector: 'node:parent', style: { 'text-valign': 'top', 'text-margin-y': -4, padding: '12px', 'background-opacity': 0.05 } },
    { selector: 'node[kind = "cluster"]', style: { 'border-style': 'dashed' } },
    { selector: 'node[kind = "vm"]', style: { width: 22, height: 16, 'font-size': 9, shape: 'rectangle' } },
    { selector: 'node[kind = "switch"]', style: { shape: 'diamond', width: 34, height: 34 } },
    { selector: 'node[kind = "datastore"]', style: { shape: 'barrel', width: 28, height: 30 } },
    { selector: 'node[kind = "port"]', style: { width: 12, height: 12, shape: 'rectangle', 'font-size': 8, 'text-margin-y': 2 } },
    { selector: 'node[fabric = "A"]', style: { 'border-color': fabricA, 'border-width': 2 } },
    { selector: 'node[fabric = "B"]', style: { 'border-color': fabricB, 'border-width': 2 } },
    { selector: 'node[severity = "info"]', style: { 'border-color': info, 'border-width': 3 } },
    { selector: 'node[severity = "warning"]', style: { 'border-color': warning, 'border-width': 3 } },
    { selector: 'node[severity = "error"]', style: { 'border-color': error, 'border-width': 3 } },
    { selector: 'node:selected', style: { 'overlay-opacity': 0.15, 'overlay-color': foreground } },
    { selector: 'edge', style: { width: 1.5, 'line-color': border, 'curve-style': 'straight', label: 'data(label)', 'font-size': 8, color: foreground, 'text-rotation': 'autorotate', 'text-opacity': 0.7 } },
    { selector: 'edge[fabric = "A"]', style: { 'line-color': fabricA } },
    { selector: 'edge[fabric = "B"]', style: { 'line-color': fabricB } },
    { selector: 'edge[kind = "storage"]', style: { 'line-style': 'dashed' } },
  ];
}

function toElements(diagram: Diagram): ElementDefinition[] {
  const nodes: ElementDefinition[] = diagram.nodes.map((node) => {
    const position = diagram.positions[node.id];
    return {
      group: 'nodes',
      data: { id: node.id, label: node.findingCount > 0 ? TEXTS.labelWithFindings({ label: node.label, count: grouped(node.findingCount) }) : node.label, kind: node.kind, ...(node.parent ? { parent: node.parent } : {}), ...(node.fabric ? { fabric: node.fabric } : {}), ...(node.severity ? { severity: node.severity } : {}) },
      ...(position ? { position: { x: position.x, y: position.y } } : {}),
    };
  });
  const edges: ElementDefinition[] = diagram.edges.map((edge) => ({
    group: 'edges',
    data: { id: edge.id, source: edge.source, target: edge.target, kind: edge.kind, label: edge.label, ...(edge.fabric ? { fabric: edge.fabric } : {}) },
  }));
  return [...nodes, ...edges];
}

function showDetails(node: DiagramNode | undefined): void {
  details.replaceChildren();
  if (!node) return;
  const heading = document.createElement('strong');
  heading.textContent = node.id;
  details.append(heading);
  for (const line of node.details) {
    const row = document.createElement('div');
    row.textContent = line;
    details.append(row);
  }
  if (node.findingCount > 0) {
    const row = document.createElement('div');
    row.textContent = TEXTS.findings({ count: grouped(node.findingCount), severity: node.severity !== undefined ? severityName(node.severity) : '' });
    details.append(row);
  }
}

function render(message: HostToPreviewMessage): void {
  const diagram = message.diagram;
  lastDiagram = diagram;
  graph?.destroy();
  graph = cytoscape({
    container,
    elements: toElements(diagram),
    style: stylesheet(),
    layout: { name: 'preset', fit: true, padding: 24 },
    textureOnViewport: true,
    hideEdgesOnViewport: diagram.edges.length > 1000,
    wheelSensitivity: 0.3,
  });
  graph.on('tap', 'node', (event) => {
    const id = String(event.target.id());
    showDetails(lastDiagram?.nodes.find((node) => node.id === id));
    toHost.post({ type: 'reveal', elementId: id });
  });
  const problems = diagram.nodes.filter((node) => node.findingCount > 0).length;
  status.textContent = TEXTS.summary({ title: message.title, elements: grouped(diagram.nodes.length), connections: grouped(diagram.edges.length), marked: grouped(problems) });
  container.setAttribute('aria-label', status.textContent);
}

function isDiagramMessage(value: unknown): value is HostToPreviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const diagram: unknown = Reflect.get(value, 'diagram');
  return Reflect.get(value, 'type') === 'diagram' && typeof diagram === 'object' && diagram !== null && Array.isArray(Reflect.get(diagram, 'nodes')) && Array.isArray(Reflect.get(diagram, 'edges'));
}

onHostMessage((data) => (isDiagramMessage(data) ? data : undefined), render);
onThemeChange(() => graph?.style(stylesheet()));

toHost.post({ type: 'ready' });
