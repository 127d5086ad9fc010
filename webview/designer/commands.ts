/**
 * What the designer's commands do: a toolbar button or its key (the command table is
 * src/core/view/designer-commands.ts), and an item of an element's context menu (simulate
 * its failure, show it in the text, delete it).
 */

import type { DesignerCommand } from '../../src/core/view/designer-commands';
import type { ContextMenuItem } from '../../src/core/view/designer-context-menu';
import type { PaletteKind } from '../../src/core/view/designer-model';
import { exportImage, toggleMinimap, toggleShowVms } from './canvas';
import { addFromPalette, deleteSelection } from './editing';
import { focusSearch } from './selection';
import { selectedNodeIds, type Designer } from './state';
import { DESIGNER_TEXTS as TEXTS } from '../../src/core/view/designer-texts';

const PALETTE_COMMANDS: ReadonlyMap<DesignerCommand, PaletteKind> = new Map((['host', 'vm', 'fc-switch', 'ethernet-switch', 'array', 'datastore', 'site', 'rack'] as const).map((kind) => [`add-${kind}`, kind]));

/** What a toolbar button or its key does. */
export function runCommand(designer: Designer, command: DesignerCommand): void {
  const added = PALETTE_COMMANDS.get(command);
  if (added) {
    addFromPalette(designer, added);
    return;
  }
  const { linkTool, viewport, player } = designer;
  switch (command) {
    case 'link': linkTool.setMode(!linkTool.active); return;
    case 'delete': deleteSelection(designer); return;
    case 'find': focusSearch(designer); return;
    case 'fit': viewport.fit(); return;
    case 'zoom-in': viewport.zoomBy(1.25); return;
    case 'zoom-out': viewport.zoomBy(0.8); return;
    case 'show-vms': toggleShowVms(designer); return;
    case 'minimap': toggleMinimap(designer); return;
    case 'power': designer.containers.powerButton.click(); return;
    case 'legend': designer.toolbar.button('legend')?.setAttribute('aria-pressed', String(designer.legend.toggle())); return;
    case 'auto-layout': designer.moves.autoLayout(); return;
    case 'export-svg': exportImage(designer, 'svg'); return;
    case 'export-png': exportImage(designer, 'png'); return;
    case 'help': designer.panel.toggleHelp(); return;
    case 'show-text': {
      const [id] = selectedNodeIds(designer.state);
      if (id !== undefined) designer.toHost.post({ type: 'reveal', elementId: id });
      return;
    }
    case 'play': player.playOrPause(); return;
    case 'clear-simulation': player.clear(); return;
  }
}

/** A context menu item: simulate the element's failure, show it in the text, or delete it. */
export function runMenuItem(designer: Designer, item: ContextMenuItem): void {
  switch (item.action) {
    case 'simulate-failure':
      designer.toHost.post({ type: 'simulate-failure', target: item.target });
      designer.status.report(TEXTS.simulating({ id: item.target.id }));
      return;
    case 'show-text':
      designer.toHost.post({ type: 'reveal', elementId: item.id });
      return;
    case 'delete':
      deleteSelection(designer);
      return;
  }
}
