/**
 * The designer canvas's keys: Tab walks the elements, arrows move the selection, Delete,
 * Enter or F2 (rename, or pick a cable end in link mode), L (link mode), Space (collapse),
 * Escape, Ctrl+C / Ctrl+V. Other shortcuts with Ctrl, Cmd or Alt are left to VS Code.
 */

import { stepSelection, tabOrder } from '../../src/core/view/designer-model';
import { deleteSelection } from './editing';
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
  switch (event.key) {
    case 'Tab': {
      const order = tabOrder(state.shown.nodes);
      const at = selected.length === 1 ? selected[0] : undefined;
      const next = stepSelection(order, at, event.shiftKey);
      const wraps = at !== undefined && ((event.shiftKey && order[0] === at) || (!event.shiftKey && order[order.length - 1] === at));
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
    case 'Delete':
    case 'Backspace':
      event.preventDefault();
      deleteSelection(designer);
      return;
    case 'Enter':
    case 'F2':
      if (selected.length === 1 && selected[0] !== undefined) {
        event.preventDefault();
        if (linkTool.active && event.key === 'Enter') linkTool.chooseEnd(selected[0]);
        else designer.renameBox.start(selected[0]);
      }
      return;
    case 'l':
    case 'L':
      event.preventDefault();
      linkTool.setMode(!linkTool.active);
      return;
    case ' ':
      // Space collapses or expands the selected site, rack or chassis.
      if (selected.length === 1 && selected[0] !== undefined && containers.isContainer(selected[0])) {
        event.preventDefault();
        containers.toggle(selected[0]);
      }
      return;
    case 'Escape':
      if (linkTool.active) linkTool.setMode(false);
      else graph.$(':selected').unselect();
      return;
  }
}
