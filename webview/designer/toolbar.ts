/**
 * The designer's toolbar: one row of icon buttons (codicons, and the device icons for the
 * palette), each with its accessible name and a tooltip naming its key
 * (src/core/view/designer-commands.ts), in groups: add, edit, view, export; then the
 * simulation playback bar when a simulation is shown. The link, power and playback
 * controls are made by their own modules and placed here.
 */

import { COMMANDS, commandSpec, commandTitle, type DesignerCommand } from '../../src/core/view/designer-commands';
import { el, iconButton } from './dom';
import { DESIGNER_TEXTS as TEXTS } from '../../src/core/view/designer-texts';


export interface ToolbarParts {
  readonly link: HTMLButtonElement;
  readonly power: HTMLButtonElement;
  readonly playback: HTMLElement;
}

export interface Toolbar {
  readonly element: HTMLElement;
  readonly search: HTMLInputElement;
  /** The buttons the toolbar made, by command (to show them pressed). */
  button(command: DesignerCommand): HTMLButtonElement | undefined;
}

const VIEW: readonly DesignerCommand[] = ['fit', 'zoom-in', 'zoom-out', 'show-vms', 'minimap', 'power', 'legend', 'auto-layout'];
const EXPORT: readonly DesignerCommand[] = ['export-svg', 'export-png', 'help'];

function group(name: string, ...children: HTMLElement[]): HTMLElement {
  const element = el('div', { className: 'vt-group' }, ...children);
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', name);
  return element;
}

export function buildToolbar(run: (command: DesignerCommand) => void, parts: ToolbarParts): Toolbar {
  const buttons = new Map<DesignerCommand, HTMLButtonElement>();
  const make = (command: DesignerCommand): HTMLButtonElement => {
    const made = command === 'link' ? parts.link : command === 'power' ? parts.power : iconButton(commandSpec(command), () => run(command));
    buttons.set(command, made);
    return made;
  };
  const find = commandSpec('find');
  const search = el('input', { id: 'vt-search', title: TEXTS.searchTitle({ title: commandTitle(find) }) });
  search.type = 'search';
  search.placeholder = TEXTS.searchPlaceholder({});
  search.setAttribute('aria-label', find.description);
  search.setAttribute('aria-keyshortcuts', find.key.key);
  const palette = COMMANDS.filter((spec) => spec.command.startsWith('add-')).map((spec) => make(spec.command));
  const element = el('div', { className: 'vt-toolbar' },
    group(TEXTS.groupAdd({}), ...palette),
    group(TEXTS.groupEdit({}), make('link'), make('delete')),
    group(TEXTS.groupView({}), search, ...VIEW.map(make)),
    group(TEXTS.groupExport({}), ...EXPORT.map(make)),
    parts.playback);
  element.setAttribute('role', 'toolbar');
  element.setAttribute('aria-label', TEXTS.toolbar({}));
  return { element, search, button: (command) => buttons.get(command) };
}
