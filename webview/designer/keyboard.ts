/**
 * The designer canvas's keyboard: Tab walks the elements, arrows move the selection, Enter
 * or F2 renames (in link mode Enter picks a cable end), Space collapses a site, rack or
 * chassis, Esc leaves link mode or clears the selection, Shift+F10 or the context-menu key
 * opens the selected element's menu, Ctrl+C / Ctrl+V copy and paste, and every toolbar
 * command has its key (src/core/view/designer-commands.ts: Delete, L, /, F, K, ...). Other
 * keys with Ctrl, Cmd or Alt are left to VS Code.
 */

import { commandForKey } from '../../src/core/view/designer-commands';
import { stepSelection, tabOrder } from '../../src/core/view/designer-model';
import { runCommand } from './commands';
import { openMenu } from './context-menu';
import { selectOnly } from './selection';
import { selectedNodeIds, type Designer } from './state';

/** How far an arrow key moves the selection (Shift: five times as far). */
const NUDGE = 10;

export function onCanvasKey(designer: Designer, event: KeyboardEvent): void {
  const { state, containers, linkTool, moves } = designer;
  const graph = state.graph;
  if (!graph || !state.current || event.target !== designer.container) return;
  if (designer.clipboard.onKey(event)) return;
  // Other shortcuts with Ctrl/Cmd/Alt belong to VS Code (Ctrl+S, Ctrl+Shift+P, ...): leave them alone.
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const step = event.shiftKey ? NUDGE * 5 : NUDGE;
  const selected = selectedNodeIds(state);
  const only = selected.length === 1 ? selected[0] : undefined;
  switch (event.key) {
    case 'Tab': {
      const order = tabOrder(state.shown.nodes);
      const next = stepSelection(order, only, event.shiftKey);
      const wraps = only !== undefined && ((event.shiftKey && order[0] === only) || (!event.shiftKey && order[order.length - 1] === only));
      if (wraps || next === undefined) {
        // Past the last element, Tab leaves the canvas: never a keyboard trap.
        graph.$(':selected').unselect();
        return;
      }
      event.preventDefault();
      selectOnly(designer, next, true);
      return;
    }
    case 'ArrowLeft': event.preventDefault(); moves.nudge(-step, 0); return;
    case 'ArrowRight': event.preventDefault(); moves.nudge(step, 0); return;
    case 'ArrowUp': event.preventDefault(); moves.nudge(0, -step); return;
    case 'ArrowDown': event.preventDefault(); moves.nudge(0, step); return;
    case 'Enter':
    case 'F2':
      if (only !== undefined) {
        event.preventDefault();
        if (linkTool.active && event.key === 'Enter') linkTool.chooseEnd(only);
        else designer.renameBox.start(only);
      }
      return;
    case 'ContextMenu':
    case 'F10':
      if (event.key === 'F10' && !event.shiftKey) return;
      if (selected[0] !== undefined) {
        event.preventDefault();
        openMenu(designer, selected[0]);
      }
      return;
    case ' ':
      // Space collapses or expands the selected site, rack or chassis (Shift+Space plays a simulation).
      if (!event.shiftKey && only !== undefined && containers.isContainer(only)) {
        event.preventDefault();
        containers.toggle(only);
        return;
      }
      break;
    case 'Escape':
      // Shift+Esc clears the simulation.
      if (event.shiftKey) break;
      if (linkTool.active) linkTool.setMode(false);
      else graph.$(':selected').unselect();
      return;
  }
  const command = commandForKey(event);
  if (command !== undefined) {
    event.preventDefault();
    runCommand(designer, command);
  }
}
