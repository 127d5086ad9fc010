/**
 * The designer's toolbar: the palette, the edit tools, the view controls (search, zoom,
 * Show VMs, Minimap, Power, Auto layout), export and help, and the simulation playback
 * bar. It only builds the buttons; what they do comes from start() (app.ts).
 */

import type { PaletteKind } from '../../src/core/view/designer-model';
import { button, el } from './dom';

export interface ToolbarActions {
  add(kind: PaletteKind): void;
  deleteSelection(): void;
  fit(): void;
  zoomBy(factor: number): void;
  toggleShowVms(): void;
  toggleMinimap(): void;
  autoLayout(): void;
  exportImage(format: 'svg' | 'png'): void;
  toggleHelp(): void;
}

/** Controls the tools make themselves. */
export interface ToolControls {
  readonly linkButton: HTMLButtonElement;
  readonly powerButton: HTMLButtonElement;
  readonly playbackBar: HTMLElement;
}

export interface Toolbar {
  readonly element: HTMLElement;
  readonly search: HTMLInputElement;
  readonly showVmsButton: HTMLButtonElement;
  readonly minimapButton: HTMLButtonElement;
}

const palette: ReadonlyArray<[PaletteKind, string, string]> = [
  ['host', 'Host', 'Add a host (to the selected cluster)'],
  ['vm', 'VM', 'Add a VM on the selected host'],
  ['fc-switch', 'FC switch', 'Add an FC switch (fabric A or B, whichever has fewer)'],
  ['ethernet-switch', 'Ethernet switch', 'Add an Ethernet / iSCSI switch'],
  ['array', 'Array', 'Add a dual-controller storage array'],
  ['datastore', 'Datastore', 'Add a datastore (on the selected array)'],
  ['site', 'Site', 'Add a site: a data centre or building that can fail as a whole'],
  ['rack', 'Rack', 'Add a rack (in the selected site)'],
];

export function designerToolbar(actions: ToolbarActions, tools: ToolControls): Toolbar {
  const toolbar = el('div', { className: 'vt-toolbar' });
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Designer tools');
  const paletteGroup = el('div', { className: 'vt-group' });
  paletteGroup.setAttribute('aria-label', 'Palette');
  for (const [kind, label, title] of palette) paletteGroup.append(button(label, title, () => actions.add(kind), `vt-add-${kind}`));
  const deleteButton = button('Delete', 'Delete the selection (Delete)', () => actions.deleteSelection(), 'vt-delete');
  const editGroup = el('div', { className: 'vt-group' }, tools.linkButton, deleteButton);
  const search = el('input', { id: 'vt-search', title: 'Find an element by id (Enter selects the first match)' });
  search.type = 'search';
  search.placeholder = 'Find id';
  search.setAttribute('aria-label', 'Find an element by id');
  const showVmsButton = button('Show VMs', 'Draw VMs inside their hosts (big designs show a VM count per host instead)', () => actions.toggleShowVms(), 'vt-show-vms');
  showVmsButton.setAttribute('aria-pressed', 'true');
  const minimapButton = button('Minimap', 'Show or hide the overview of the design (shown by itself on designs of 30 elements or more)', () => actions.toggleMinimap(), 'vt-minimap-toggle');
  minimapButton.setAttribute('aria-pressed', 'false');
  const viewGroup = el('div', { className: 'vt-group' },
    search,
    button('Fit', 'Fit the design in view', () => actions.fit(), 'vt-fit'),
    button('+', 'Zoom in', () => actions.zoomBy(1.25), 'vt-zoom-in'),
    button('-', 'Zoom out', () => actions.zoomBy(0.8), 'vt-zoom-out'),
    showVmsButton,
    minimapButton,
    tools.powerButton,
    button('Auto layout', 'Lay the design out automatically (fcose) and write the new positions to the layout section', () => actions.autoLayout(), 'vt-auto-layout'));
  const exportGroup = el('div', { className: 'vt-group' },
    button('Export SVG', 'Save the canvas as SVG', () => actions.exportImage('svg'), 'vt-export-svg'),
    button('Export PNG', 'Save the canvas as PNG', () => actions.exportImage('png'), 'vt-export-png'),
    button('?', 'Keyboard shortcuts', () => actions.toggleHelp(), 'vt-help'));
  toolbar.append(paletteGroup, editGroup, viewGroup, exportGroup, tools.playbackBar);
  return { element: toolbar, search, showVmsButton, minimapButton };
}
