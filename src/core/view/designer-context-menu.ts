/**
 * What the designer's context menu offers on an element (right click, Shift+F10 or the
 * context-menu key): simulate its failure (a host, switch, array, controller, site, rack,
 * chassis or power feed: what the simulator can fail), show it in the text, delete it. The
 * words come from a catalog (docs/l10n.md). Pure, so it
 * runs under Node's test runner; webview/designer/context-menu.ts draws the menu.
 */

import { defineMessages } from '../l10n/messages';
import type { DiagramNode } from './diagram';
import { SIMULATED_FAILURE_KINDS, type SimulatedFailureKind } from './designer-protocol';

export function isSimulatedFailureKind(kind: string): kind is SimulatedFailureKind {
  return SIMULATED_FAILURE_KINDS.some((candidate) => candidate === kind);
}

export type ContextMenuItem =
  | { readonly action: 'simulate-failure'; readonly label: string; readonly target: { readonly kind: SimulatedFailureKind; readonly id: string } }
  | { readonly action: 'show-text'; readonly label: string; readonly id: string }
  | { readonly action: 'delete'; readonly label: string; readonly id: string };

const MESSAGES = defineMessages('designer.context-menu', {
  simulate: 'Simulate failure of {id}',
  showText: 'Show in text',
  delete: 'Delete',
  menuName: 'Actions for {id}',
});

/** The menu's words, in the user's language when asked for. */
export const MENU_WORDS = {
  simulate: (id: string) => MESSAGES.simulate({ id }),
  showText: () => MESSAGES.showText({}),
  delete: () => MESSAGES.delete({}),
  menuName: (id: string) => MESSAGES.menuName({ id }),
} as const;

/**
 * The menu of a node: its failure when the simulator can fail it, then Show in text and
 * Delete. A collapsed container's menu is its own; a VM or port drawn as its host (compact
 * mode) is not offered here: its host is.
 */
export function contextMenuItems(node: Pick<DiagramNode, 'id' | 'kind'>): ContextMenuItem[] {
  const items: ContextMenuItem[] = [];
  const kind = node.kind;
  if (isSimulatedFailureKind(kind)) items.push({ action: 'simulate-failure', label: MENU_WORDS.simulate(node.id), target: { kind, id: node.id } });
  items.push({ action: 'show-text', label: MENU_WORDS.showText(), id: node.id });
  items.push({ action: 'delete', label: MENU_WORDS.delete(), id: node.id });
  return items;
}

/** The item the arrow, Home and End keys move to from `at` in a menu of `count` items (wrapping). */
export function menuStep(at: number, count: number, key: string): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown': return (at + 1) % count;
    case 'ArrowUp': return (at - 1 + count) % count;
    case 'Home': return 0;
    case 'End': return count - 1;
    default: return undefined;
  }
}
