/**
 * The designer's cytoscape elements from the diagram the extension sends: node and edge
 * data (labels with finding marks), and the merge of a new document into the graph in
 * place: elements are matched by id, so the viewport and the selection stay, a node that
 * moved to another parent (a VM to another host, a host into another rack) is moved, and
 * one whose parent collapsed is removed with it.
 */

import type { Core, ElementDefinition } from 'cytoscape';
import type { Diagram, DiagramNode } from '../../src/core/view/diagram';
import { hasMarkedFindings } from '../../src/core/view/designer-announce';
import { displayLabel } from '../../src/core/view/diagram-sizes';

export function nodeData(node: DiagramNode): Record<string, string> {
  const marked = hasMarkedFindings(node);
  return {
    id: node.id,
    label: node.label,
    display: displayLabel(node),
    kind: node.kind,
    ...(node.parent !== undefined ? { parent: node.parent } : {}),
    ...(node.fabric !== undefined ? { fabric: node.fabric } : {}),
    ...(node.switchType !== undefined ? { switchType: node.switchType } : {}),
    ...(marked && node.severity !== undefined ? { severity: node.severity } : {}),
  };
}

/** A node to add; power feeds are drawn where the layout puts them (over what they supply): they are not dragged. */
export function nodeDefinition(node: DiagramNode, position: { x: number; y: number } | undefined): ElementDefinition {
  return { group: 'nodes', data: nodeData(node), ...(position ? { position: { x: position.x, y: position.y } } : {}), ...(node.kind === 'power-feed' ? { grabbable: false } : {}) };
}

export function edgeData(edge: Diagram['edges'][number]): Record<string, string> {
  return { id: edge.id, source: edge.source, target: edge.target, kind: edge.kind, label: edge.label, ...(edge.fabric !== undefined ? { fabric: edge.fabric } : {}) };
}

/** Merges a new document into the graph in place: same ids keep their selection and the viewport stays. */
export function mergeGraph(cy: Core, diagram: Diagram): void {
  const wanted = new Set(diagram.nodes.map((node) => node.id));
  const wantedEdges = new Map(diagram.edges.map((edge) => [edge.id, edge]));
  const selected = new Set(cy.$(':selected').map((element) => element.id()));
  cy.batch(() => {
    // Edgehandles' own elements (a cable being drawn) are not the document's.
    const drawing = (element: { hasClass(name: string): boolean }) => element.hasClass('eh-ghost') || element.hasClass('eh-preview');
    cy.edges().forEach((edge) => {
      if (drawing(edge)) return;
      const next = wantedEdges.get(edge.id());
      if (!next || next.source !== edge.source().id() || next.target !== edge.target().id() || !wanted.has(next.source) || !wanted.has(next.target)) edge.remove();
    });
    // Children before parents, so a removed parent does not take a surviving child with it.
    cy.nodes().filter((node) => !wanted.has(node.id()) && !drawing(node)).forEach((node) => {
      node.children().forEach((child) => {
        if (wanted.has(child.id())) child.move({ parent: null });
      });
      node.remove();
    });
    const added: ElementDefinition[] = [];
    for (const node of diagram.nodes) {
      const existing = cy.getElementById(node.id);
      const position = diagram.positions[node.id];
      if (existing.empty()) {
        added.push(nodeDefinition(node, position));
        continue;
      }
      const data = nodeData(node);
      for (const key of ['fabric', 'severity']) if (!(key in data) && existing.data(key) !== undefined) existing.removeData(key);
      const { parent, ...rest } = data;
      existing.data(rest);
      const currentParent = existing.parent().first();
      const currentParentId = currentParent.empty() ? undefined : currentParent.id();
      if (currentParentId !== parent && (parent === undefined || cy.getElementById(parent).nonempty() || added.some((a) => a.data.id === parent))) {
        if (parent === undefined || cy.getElementById(parent).nonempty()) existing.move({ parent: parent ?? null });
      }
      if (position && !existing.grabbed() && existing.isChildless()) existing.position({ x: position.x, y: position.y });
    }
    if (added.length > 0) cy.add(added);
    // Children whose parent was only just added.
    for (const node of diagram.nodes) {
      if (node.parent === undefined) continue;
      const existing = cy.getElementById(node.id);
      const parentNow = existing.parent().first();
      if (parentNow.empty() || parentNow.id() !== node.parent) {
        const moved = existing.move({ parent: node.parent });
        const position = diagram.positions[node.id];
        if (position) moved.first().position({ x: position.x, y: position.y });
      }
    }
    const edgesToAdd = diagram.edges.filter((edge) => cy.getElementById(edge.id).empty() && wanted.has(edge.source) && wanted.has(edge.target));
    if (edgesToAdd.length > 0) cy.add(edgesToAdd.map((edge): ElementDefinition => ({ group: 'edges', data: edgeData(edge) })));
    cy.edges().forEach((edge) => {
      const next = wantedEdges.get(edge.id());
      if (next) {
        if (next.fabric === undefined && edge.data('fabric') !== undefined) edge.removeData('fabric');
        edge.data(edgeData(next));
      }
    });
    // move() makes new elements: put the selection back.
    for (const id of selected) {
      const element = cy.getElementById(id);
      if (element.nonempty() && !element.selected()) element.select();
    }
  });
}

