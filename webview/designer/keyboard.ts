/**
 * The designer canvas's keyboard: Tab walks the elements, arrows move the selection, Enter
 * or F2 renames (in link mode Enter picks a cable end), Space collapses a site, rack or
 * chassis, Esc leaves link mode or clears the selection, Shift+F10 or the context-menu key
 * opens the selected element's menu, Ctrl+C / Ctrl+V copy and paste, and every toolbar
 * command has its key (src/core/view/designer-commands.ts). Other keys with Ctrl, Cmd or Alt
 * are left to VS Code.
 */

import { commandForKey, type DesignerCommand } from '../../src/core/view/designer-commands';
import { stepSelection, tabOrder } from '../../src/core/view/designer-model';
import type { DiagramNode } from '../../src/core/view/diagram';

/** How far an arrow key moves the selection (Shift: five times as far). */
const NUDGE = 10;

export interface KeyboardHost {
  /** A design is drawn. */
  ready(): boolean;
  shownNodes(): readonly DiagramNode[];
  selectedIds(): string[];
  selectOnly(id: string, center: boolean): void;
  clearSelection(): void;
  /** Ctrl+C / Ctrl+V; true when the key was theirs. */
  clipboardKey(event: KeyboardEvent): boolean;
  nudge(dx: number, dy: number): void;
  linkMode(): boolean;
  setLinkMode(on: boolean): void;
  chooseCableEnd(id: string): void;
  isContainer(id: string): boolean;
  toggleContainer(id: string): void;
  startRename(id: string): void;
  openMenu(id: string): void;
  run(command: DesignerCommand): void;
}

export function onCanvasKey(host: KeyboardHost, event: KeyboardEvent): void {
  if (!host.ready()) return;
  if (host.clipboardKey(event)) return;
  // Other shortcuts with Ctrl/Cmd/Alt belong to VS Code (Ctrl+S, Ctrl+Shift+P, ...): leave them alone.
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const step = event.shiftKey ? NUDGE * 5 : NUDGE;
  const selected = host.selectedIds();
  const only = selected.length === 1 ? selected[0] : undefined;
  switch (event.key) {
    case 'Tab': {
      const order = tabOrder(host.shownNodes());
      const next = stepSelection(order, only, event.shiftKey);
      const wraps = only !== undefined && ((event.shiftKey && order[0] === only) || (!event.shiftKey && order[order.length - 1] === only));
      if (wraps || next === undefined) {
        // Past the last element, Tab leaves the canvas: never a keyboard trap.
        host.clearSelection();
        return;
      }
      event.preventDefault();
      host.selectOnly(next, true);
      return;
    }
    case 'ArrowLeft': event.preventDefault(); host.nudge(-step, 0); return;
    case 'ArrowRight': event.preventDefault(); host.nudge(step, 0); return;
    case 'ArrowUp': event.preventDefault(); host.nudge(0, -step); return;
    case 'ArrowDown': event.preventDefault(); host.nudge(0, step); return;
    case 'Enter':
    case 'F2':
      if (only !== undefined) {
        event.preventDefault();
        if (host.linkMode() && event.key === 'Enter') host.chooseCableEnd(only);
        else host.startRename(only);
      }
      return;
    case 'ContextMenu':
    case 'F10':
      if (event.key === 'F10' && !event.shiftKey) return;
      if (selected[0] !== undefined) {
        event.preventDefault();
        host.openMenu(selected[0]);
      }
      return;
    case ' ':
      // Space collapses or expands the selected site, rack or chassis.
      if (!event.shiftKey && only !== undefined && host.isContainer(only)) {
        event.preventDefault();
        host.toggleContainer(only);
        return;
      }
      break;
    case 'Escape':
      if (event.shiftKey) break;
      if (host.linkMode()) host.setLinkMode(false);
      else host.clearSelection();
      return;
  }
  const command = commandForKey(event);
  if (command !== undefined) {
    event.preventDefault();
    host.run(command);
  }
}
