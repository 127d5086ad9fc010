/**
 * What the designer says about the design in its status line and to screen readers: the
 * document's summary, the selection, and which findings count as marks (hints are not).
 * The texts come from a catalog (docs/l10n.md). Pure, so it runs under Node's test runner.
 */

import { defineMessages } from '../l10n/messages';
import { grouped } from '../text/plural';
import type { Diagram, DiagramNode } from './diagram';
import { kindName, severityName } from './designer-texts';

const MESSAGES = defineMessages('designer.announce', {
  summary: '{title}: {elements} elements, {connections} connections, {marked} with findings',
  manySelected: '{count} elements selected',
  nothingSelected: 'Nothing selected',
  selected: 'Selected {kind} {id}',
  selectedWithFindings: 'Selected {kind} {id}, {count} finding(s), worst {severity}',
});

/** Whether a node's findings are marked on the canvas (`⚠2`): findings worse than hints. */
export function hasMarkedFindings(node: DiagramNode): boolean {
  return node.findingCount > 0 && node.severity !== undefined && node.severity !== 'hint';
}

/** The status line of a document: "<title>: N elements, M connections, K with findings". */
export function documentSummary(title: string, diagram: Diagram): string {
  const marked = diagram.nodes.filter(hasMarkedFindings).length;
  return MESSAGES.summary({ title, elements: grouped(diagram.nodes.length), connections: grouped(diagram.edges.length), marked: grouped(marked) });
}

/** What a screen reader hears when the selection changes (`selected`: the selected nodes, undefined for one the diagram lacks). */
export function selectionAnnouncement(selected: ReadonlyArray<DiagramNode | undefined>): string {
  if (selected.length > 1) return MESSAGES.manySelected({ count: grouped(selected.length) });
  if (selected.length === 0) return MESSAGES.nothingSelected({});
  const node = selected[0];
  if (!node) return '';
  const kind = kindName(node.kind);
  if (!hasMarkedFindings(node)) return MESSAGES.selected({ kind, id: node.id });
  return MESSAGES.selectedWithFindings({ kind, id: node.id, count: grouped(node.findingCount), severity: node.severity !== undefined ? severityName(node.severity) : '' });
}
