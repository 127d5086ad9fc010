/**
 * What the designer says about the design in its status line and to screen readers: the
 * document's summary, the selection, and which findings count as marks (hints are not).
 * Pure, so it runs under Node's test runner.
 */

import type { Diagram, DiagramNode } from './diagram';

/** Whether a node's findings are marked on the canvas (`⚠2`): findings worse than hints. */
export function hasMarkedFindings(node: DiagramNode): boolean {
  return node.findingCount > 0 && node.severity !== undefined && node.severity !== 'hint';
}

/** The status line of a document: "<title>: N elements, M connections, K with findings". */
export function documentSummary(title: string, diagram: Diagram): string {
  const marked = diagram.nodes.filter(hasMarkedFindings).length;
  return `${title}: ${diagram.nodes.length} elements, ${diagram.edges.length} connections, ${marked} with findings`;
}

/** What a screen reader hears when the selection changes (`selected`: the selected nodes, undefined for one the diagram lacks). */
export function selectionAnnouncement(selected: ReadonlyArray<DiagramNode | undefined>): string {
  if (selected.length > 1) return `${selected.length} elements selected`;
  if (selected.length === 0) return 'Nothing selected';
  const node = selected[0];
  if (!node) return '';
  return `Selected ${node.kind} ${node.id}${hasMarkedFindings(node) ? `, ${node.findingCount} finding(s), worst ${node.severity ?? ''}` : ''}`;
}
