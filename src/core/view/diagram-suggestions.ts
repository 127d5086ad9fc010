/**
 * The cables the analyzer's quick fixes would add, for the designer to draw as dashed
 * "suggested" edges (issue 5, item 3: "the cable that is missing suggested"). A fix is
 * plain text edits: it is applied to a copy of the text and the design read back, and any
 * cable that design has and the current one lacks (a new link, or a link with a changed
 * end) is a suggestion. Pure: nothing is written, nothing throws.
 */

import type { Finding } from '../analysis/rule';
import { applyEdits } from '../edit/yaml-edits';
import { parseVtopo } from '../model/parse';
import type { QuickFix, TextEdit } from '../model/report';
import type { SourceRange } from '../model/source';
import type { Topology } from '../model/topology';
import { endpointNode, type Diagram, type DiagramEdge } from './diagram';
import { defineMessages } from '../l10n/messages';

const MESSAGES = defineMessages('diagram.suggestions', {
  /** A cable a quick fix would add, labelled with the fix's title. */
  suggested: 'suggested: {fix}',
});

export interface SuggestedCable {
  readonly ruleId: string;
  readonly fixTitle: string;
  /** Cable ends as the fixed file would write them (port ids or switch ids). */
  readonly from: string;
  readonly to: string;
}

/** At most this many fixes are tried per call: each one is a parse of the whole text. */
export const MAX_SUGGESTION_FIXES = 50;
/** And at most this many characters parsed in all, so a 4 MB design is parsed a few times only. */
export const SUGGESTION_PARSE_BUDGET = 8 * 1024 * 1024;

function intersects(edit: TextEdit, section: SourceRange): boolean {
  // Inclusive on both sides: an insertion right after the last cable touches the section.
  return edit.range.start <= section.end && edit.range.end >= section.start;
}

function cableKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}

/** Whether a fix may change the `links:` section: an edit inside it, or one that writes a `- [a, b]` cable. */
function touchesLinks(fix: QuickFix, section: SourceRange | undefined): boolean {
  return fix.edits.some((edit) => (section !== undefined && intersects(edit, section)) || edit.newText.includes('- ['));
}

/**
 * For each quick fix that adds a cable or moves a cable end, the cable(s) the fixed design
 * has and `topology` lacks, in the order of the findings. `text` must be the text the
 * findings were computed on (their edits are offsets into it). Suggestions of the same
 * cable by several fixes are reported once (the first).
 */
export function suggestedCables(text: string, topology: Topology, findings: readonly Finding[]): SuggestedCable[] {
  const linksField = topology.file?.source.fields.links;
  const section = linksField ? { start: linksField.key.start, end: linksField.value.end } : undefined;
  const current = new Map<string, number>();
  for (const link of topology.links) {
    const key = cableKey(link.from, link.to);
    current.set(key, (current.get(key) ?? 0) + 1);
  }
  const limit = Math.min(MAX_SUGGESTION_FIXES, Math.max(1, Math.floor(SUGGESTION_PARSE_BUDGET / Math.max(1, text.length))));
  const suggestions: SuggestedCable[] = [];
  const seen = new Set<string>();
  let tried = 0;
  for (const finding of findings) {
    for (const fix of finding.fixes ?? []) {
      if (fix.edits.length === 0 || !touchesLinks(fix, section)) continue;
      if (tried >= limit) return suggestions;
      tried++;
      const fixed = parseVtopo(applyEdits(text, fix.edits)).topology;
      const remaining = new Map(current);
      for (const link of fixed.links) {
        const key = cableKey(link.from, link.to);
        const left = remaining.get(key) ?? 0;
        if (left > 0) {
          remaining.set(key, left - 1);
          continue;
        }
        if (seen.has(key)) continue;
        seen.add(key);
        suggestions.push({ ruleId: finding.ruleId, fixTitle: fix.title, from: link.from, to: link.to });
      }
    }
  }
  return suggestions;
}

/**
 * The diagram with one `suggested` edge per suggestion whose ends are drawn (a port as its
 * own node, a switch or switch port on the switch; endpointNode), labelled
 * `suggested: <fix title>` and coloured by the fabric of its switch end. buildDiagram's
 * cables and nodes are kept as they are.
 */
export function withSuggestedCables(diagram: Diagram, suggestions: readonly SuggestedCable[], topology: Topology): Diagram {
  if (suggestions.length === 0) return diagram;
  const shown = new Set(diagram.nodes.map((node) => node.id));
  const taken = new Set(diagram.edges.map((edge) => edge.id));
  const added: DiagramEdge[] = [];
  for (const suggestion of suggestions) {
    const from = endpointNode(topology, suggestion.from, shown);
    const to = endpointNode(topology, suggestion.to, shown);
    if (!from || !to || !shown.has(from.node) || !shown.has(to.node)) continue;
    const id = `suggested:${suggestion.from}|${suggestion.to}`;
    if (taken.has(id)) continue;
    taken.add(id);
    const fabric = topology.networkSwitch(to.node)?.fabric ?? topology.networkSwitch(from.node)?.fabric;
    added.push({ id, source: from.node, target: to.node, kind: 'suggested', label: MESSAGES.suggested({ fix: suggestion.fixTitle }), ...(fabric !== undefined ? { fabric } : {}) });
  }
  return added.length === 0 ? diagram : { ...diagram, edges: [...diagram.edges, ...added] };
}
