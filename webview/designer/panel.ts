/**
 * The designer's property panel: the selected element's facts and findings, its actions
 * (rename, delete, show text; collapse or expand a site, rack or chassis), a compact-mode
 * host's VMs as a list, and one input per field of the element as the extension describes
 * them ('details' messages, asked for one element at a time). A changed field is sent as a
 * set-field intent; a rejection is shown next to the field. Every text is set as
 * textContent: file data never becomes markup.
 */

import type { CompactDiagram } from '../../src/core/view/designer-compact';
import { vmCountLabel } from '../../src/core/view/designer-compact';
import { yamlValueText } from '../../src/core/view/designer-model';
import type { ElementDetails, ElementField } from '../../src/core/view/designer-protocol';
import type { DiagramNode } from '../../src/core/view/diagram';
import { hasMarkedFindings } from '../../src/core/view/designer-announce';
import { commandSpec, commandTitle, shortcutHelp } from '../../src/core/view/designer-commands';
import { button, el } from './dom';
import { DESIGNER_TEXTS as TEXTS, kindName, severityName } from '../../src/core/view/designer-texts';
import { grouped } from '../../src/core/text/plural';

export interface PanelHost {
  selectedIds(): string[];
  node(id: string): DiagramNode | undefined;
  /** The compact form of the design, while VMs and ports are not drawn. */
  compact(): CompactDiagram | undefined;
  /** The version of the document shown. */
  version(): number | undefined;
  /** Asks the extension for an element's fields (answered by onDetails). */
  askDetails(id: string): void;
  reveal(id: string): void;
  setField(id: string, key: string, value: string): void;
  deleteElement(id: string): void;
  deleteSelection(): void;
  startRename(id: string): void;
  containers: { isContainer(id: string): boolean; isCollapsed(id: string): boolean; toggle(id: string): boolean };
}


export class PropertyPanel {
  readonly element: HTMLElement;
  /** A hidden VM or port shown in the panel (compact mode), while its host or controller is selected. */
  private hidden: string | undefined;
  /** Fields of the elements the panel has shown, by id, with the document version they were read at. */
  private readonly detailsById = new Map<string, { readonly version: number; readonly details: ElementDetails }>();
  /** `id@version` of the details asked for and not answered yet: ask once per version. */
  private readonly detailsAsked = new Set<string>();
  /** Field errors from 'rejected' messages, by `id \0 key`, kept until that field changes again. */
  private readonly fieldErrors = new Map<string, string>();
  private helpShown = false;
  private shownFor: string | undefined;
  private shownJson = '';

  constructor(private readonly host: PanelHost) {
    this.element = el('div', { className: 'vt-panel', id: 'vt-panel' });
    this.element.setAttribute('aria-label', TEXTS.properties({}));
  }

  /** Shows a VM or port that is not drawn (compact mode) while its host or controller is selected; undefined shows the selection. */
  showHidden(id: string | undefined): void {
    this.hidden = id;
    this.render(true);
  }

  setError(id: string, key: string, reason: string): void {
    this.fieldErrors.set(`${id}\u0000${key}`, reason);
    this.render(true);
  }

  clearError(id: string, key: string): void {
    this.fieldErrors.delete(`${id}\u0000${key}`);
  }

  toggleHelp(): void {
    this.helpShown = !this.helpShown;
    this.render(true);
  }

  /**
   * The panel fields of an element: the latest the host sent (maybe of an earlier version,
   * shown until the fresh ones come); asks the host when it has none for this version.
   */
  private detailsFor(id: string): ElementDetails | undefined {
    const known = this.detailsById.get(id);
    const version = this.host.version();
    if (version !== undefined && known?.version !== version) {
      const key = `${id}@${version}`;
      if (!this.detailsAsked.has(key)) {
        this.detailsAsked.add(key);
        this.host.askDetails(id);
      }
    }
    return known?.details;
  }

  onDetails(version: number, details: ElementDetails): void {
    const known = this.detailsById.get(details.id);
    if (known && known.version > version) return;
    this.detailsById.set(details.id, { version, details });
    this.detailsAsked.delete(`${details.id}@${version}`);
    this.render(false);
  }

  render(force: boolean): void {
    const panel = this.element;
    const ids = this.host.selectedIds();
    const selectedId = ids.length === 1 ? ids[0] : undefined;
    const compact = this.host.compact();
    if (this.hidden !== undefined && (selectedId === undefined || compact?.drawnAs.get(this.hidden) !== selectedId || !this.host.node(this.hidden))) this.hidden = undefined;
    const id = this.hidden ?? selectedId;
    const details = id !== undefined ? this.detailsFor(id) : undefined;
    const node = id !== undefined ? this.host.node(id) : undefined;
    const vms = id !== undefined && this.hidden === undefined ? compact?.vmsByHost.get(id) : undefined;
    const collapsed = id !== undefined && this.host.containers.isCollapsed(id);
    const json = JSON.stringify([node, details, vms?.map((vm) => [vm.id, vm.findingCount, vm.severity]), collapsed]);
    if (!force && id === this.shownFor && json === this.shownJson) return;
    const focusedKey = document.activeElement instanceof HTMLElement && panel.contains(document.activeElement) ? document.activeElement.dataset.key : undefined;
    this.shownFor = id;
    this.shownJson = json;
    panel.replaceChildren();
    if (id === undefined || !node) {
      panel.append(el('h2', { text: ids.length > 1 ? TEXTS.manySelected({ count: grouped(ids.length) }) : TEXTS.noSelection({}) }));
      panel.append(el('div', { className: 'vt-kind', text: ids.length > 1 ? TEXTS.manySelectedHint({}) : TEXTS.noSelectionHint({}) }));
      if (this.helpShown) panel.append(helpList());
      return;
    }
    panel.append(el('h2', { text: node.id }), el('div', { className: 'vt-kind', text: kindName(node.kind) }));
    const facts = el('div', { className: 'vt-facts' });
    for (const line of node.details) facts.append(el('div', { text: line }));
    if (hasMarkedFindings(node)) facts.append(el('div', { text: TEXTS.findings({ count: grouped(node.findingCount), severity: node.severity !== undefined ? severityName(node.severity) : '' }) }));
    panel.append(facts);
    const showText = commandSpec('show-text');
    const reveal = button(showText.label, commandTitle(showText), () => this.host.reveal(node.id), showText.id);
    if (this.hidden !== undefined && id === this.hidden) {
      const owner = compact?.drawnAs.get(node.id) ?? '';
      panel.append(el('div', { className: 'vt-actions' },
        button(TEXTS.backTo({ owner }), TEXTS.backToTitle({ ownerKind: kindName(this.host.node(owner)?.kind ?? 'element'), kind: kindName(node.kind) }), () => this.showHidden(undefined), 'vt-vm-back'),
        button(TEXTS.delete({}), TEXTS.deleteThis({ kind: kindName(node.kind) }), () => this.host.deleteElement(node.id), 'vt-delete-button'),
        reveal));
    } else {
      const collapse = !this.host.containers.isContainer(node.id)
        ? []
        : collapsed
          ? [button(TEXTS.expand({}), TEXTS.expandTitle({}), () => this.host.containers.toggle(node.id), 'vt-collapse-button')]
          : [button(TEXTS.collapse({}), TEXTS.collapseTitle({}), () => this.host.containers.toggle(node.id), 'vt-collapse-button')];
      panel.append(el('div', { className: 'vt-actions' },
        button(TEXTS.rename({}), TEXTS.renameTitle({}), () => this.host.startRename(node.id), 'vt-rename-button'),
        button(TEXTS.delete({}), TEXTS.deleteTitle({}), () => this.host.deleteSelection(), 'vt-delete-button'),
        reveal,
        ...collapse));
    }
    if (vms && vms.length > 0) panel.append(this.vmList(vms));
    for (const field of details?.fields ?? []) panel.append(this.fieldRow(node.id, field));
    if (this.helpShown) panel.append(helpList());
    if (focusedKey !== undefined) {
      const again = Array.from(panel.querySelectorAll<HTMLElement>('input, select')).find((input) => input.dataset.key === focusedKey);
      again?.focus();
    }
  }

  /** A compact-mode host's VMs, as text buttons that show each VM in the panel. */
  private vmList(vms: readonly DiagramNode[]): HTMLElement {
    const list = el('ul', { className: 'vt-vm-list', id: 'vt-vm-list' });
    list.setAttribute('aria-label', TEXTS.vmsOnHost({ count: vmCountLabel(vms.length) }));
    for (const vm of vms) {
      const marked = hasMarkedFindings(vm);
      const entry = button(marked ? `${vm.id} \u26a0${vm.findingCount}` : vm.id, marked ? TEXTS.vmFindings({ count: grouped(vm.findingCount), severity: vm.severity !== undefined ? severityName(vm.severity) : '' }) : TEXTS.showVm({ id: vm.id }), () => this.showHidden(vm.id));
      entry.dataset.vm = vm.id;
      list.append(el('li', {}, entry));
    }
    return el('div', { className: 'vt-vms' }, el('div', { className: 'vt-kind', text: TEXTS.vmsNotDrawn({ count: vmCountLabel(vms.length) }) }), list);
  }

  private fieldRow(id: string, field: ElementField): HTMLElement {
    const inputId = `vt-field-${field.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const label = el('label', { text: field.key });
    label.htmlFor = inputId;
    let input: HTMLInputElement | HTMLSelectElement;
    if (field.choices && field.choices.length > 0) {
      const select = el('select', { id: inputId });
      const values = field.value !== undefined && !field.choices.includes(field.value) ? [field.value, ...field.choices] : field.choices;
      if (field.value === undefined) {
        const none = el('option', { text: TEXTS.unset({}) });
        none.value = '';
        select.append(none);
      }
      for (const choice of values) {
        const option = el('option', { text: choice });
        option.value = choice;
        select.append(option);
      }
      select.value = field.value ?? '';
      input = select;
    } else {
      const text = el('input', { id: inputId });
      text.type = /^(integer|number)\b/i.test(field.typeName) ? 'number' : 'text';
      text.value = field.value ?? '';
      text.placeholder = field.typeText ?? field.typeName;
      input = text;
    }
    input.dataset.key = field.key;
    input.title = field.description;
    const error = el('div', { className: 'vt-error', text: this.fieldErrors.get(`${id}\u0000${field.key}`) ?? '' });
    error.id = `${inputId}-error`;
    error.setAttribute('aria-live', 'polite');
    input.setAttribute('aria-describedby', error.id);
    input.addEventListener('change', () => {
      const raw = input.value;
      if (raw === '' && field.value === undefined) return;
      this.host.setField(id, field.key, yamlValueText(raw, field.typeName));
    });
    input.addEventListener('keydown', (event) => event.stopPropagation());
    return el('div', { className: 'vt-field' }, label, input, el('div', { className: 'vt-help', text: field.typeText ?? field.typeName }), error);
  }
}

function helpList(): HTMLElement {
  const list = el('ul', { className: 'vt-help-list' });
  for (const line of shortcutHelp()) list.append(el('li', { text: line }));
  return list;
}
