/**
 * The toolbar's search box (/ focuses it): the nodes whose ids match are highlighted and
 * the others dimmed as you type; Enter selects and shows the first match, Escape clears.
 */

import type { Core } from 'cytoscape';
import { searchMatches } from '../../src/core/view/designer-model';
import { plural } from '../../src/core/text/plural';

export interface SearchHost {
  graph(): Core | undefined;
  /** Every element of the design, drawn or not (a VM in compact mode is found through its host). */
  ids(): readonly string[];
  reveal(id: string): void;
  focusCanvas(): void;
  setStatus(text: string): void;
}

export class Search {
  constructor(private readonly host: SearchHost, private readonly input: HTMLInputElement) {
    input.addEventListener('input', () => this.apply());
    input.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Enter' && host.graph()) {
        const first = searchMatches(host.ids(), input.value)[0];
        if (first !== undefined) {
          host.reveal(first);
          host.focusCanvas();
        }
      } else if (event.key === 'Escape') {
        input.value = '';
        this.apply();
      }
    });
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  /** Marks the matches of what is typed (after each document too). */
  apply(): void {
    const graph = this.host.graph();
    if (!graph) return;
    const query = this.input.value;
    const matches = new Set(searchMatches(graph.nodes().map((node) => node.id()), query));
    const active = query.trim() !== '';
    graph.batch(() => {
      graph.nodes().forEach((node) => {
        node.toggleClass('vt-match', matches.has(node.id()));
        node.toggleClass('vt-dim', active && !matches.has(node.id()) && !node.isParent());
      });
    });
    if (active) this.host.setStatus(`${matches.size} ${plural(matches.size, 'match', 'matches')} for "${query.trim()}"`);
  }
}
