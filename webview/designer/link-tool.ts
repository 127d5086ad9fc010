/**
 * The designer's link tool (Link, or L): in link mode a drag from a port (or a host,
 * controller or switch) to another device draws a cable (edgehandles), and so do two
 * clicks, or Enter on the selected element and then on the other end, so a cable can be
 * drawn without a mouse. The cable is asked for as an add-link intent between the two
 * ends' free ports (designer-model.ts cableBetween); the drawn edge itself is dropped: the
 * new document brings the cable.
 */

import type { Core, NodeSingular } from 'cytoscape';
import type { EdgeHandlesInstance } from 'cytoscape-edgehandles';
import { cableBetween, linkEndFor } from '../../src/core/view/designer-model';
import type { Diagram, DiagramNode } from '../../src/core/view/diagram';
import { iconButton } from './dom';
import { commandSpec } from '../../src/core/view/designer-commands';
import type { IntentBody } from '../../src/core/edit/intents';
import { DESIGNER_TEXTS as TEXTS } from '../../src/core/view/designer-texts';

export interface LinkToolHost {
  graph(): Core | undefined;
  diagram(): Diagram | undefined;
  node(id: string): DiagramNode | undefined;
  send(body: IntentBody): void;
  setStatus(text: string, rejected?: boolean): void;
  announce(text: string): void;
}

function isNodeSingular(value: unknown): value is NodeSingular {
  return typeof value === 'object' && value !== null && 'isNode' in value && typeof value.isNode === 'function' && value.isNode() === true;
}

export class LinkTool {
  readonly button: HTMLButtonElement;
  private on = false;
  /** The first end picked by a click or Enter. */
  private source: string | undefined;
  /** Edgehandles, drawing cables while link mode is on. */
  private cabling: EdgeHandlesInstance | undefined;

  constructor(private readonly host: LinkToolHost) {
    this.button = iconButton(commandSpec('link'), () => this.setMode(!this.on));
    this.button.setAttribute('aria-pressed', 'false');
  }

  get active(): boolean {
    return this.on;
  }

  /** Sets up cable drawing on a new graph. */
  attach(cy: Core): void {
    cy.on('tap', 'node', (event) => {
      if (this.on) this.chooseEnd(String((event.target as NodeSingular).id()));
    });
    cy.on('tap', (event) => {
      if (event.target === cy && this.on) this.clearSource();
    });
    this.cabling = cy.edgehandles({
      canConnect: (source, target) => {
        const diagram = this.host.diagram();
        return diagram !== undefined && !('problem' in cableBetween(this.host.node(source.id()), this.host.node(target.id()), diagram));
      },
      edgeParams: () => ({ group: 'edges', data: { kind: 'drawing' } }),
      hoverDelay: 30,
      snap: false,
      noEdgeEventsInDraw: true,
      disableBrowserGestures: true,
    });
    cy.on('ehcomplete', (_event, ...drawn: unknown[]) => this.onDrawn(drawn));
    cy.on('ehcancel', () => {
      if (this.on) this.host.setStatus(TEXTS.noCable({}), true);
    });
    if (this.on) this.cabling.enableDrawMode();
  }

  setMode(on: boolean): void {
    this.on = on;
    this.button.setAttribute('aria-pressed', String(on));
    this.clearSource();
    if (on) this.cabling?.enableDrawMode();
    else this.cabling?.disableDrawMode();
    const text = on ? TEXTS.linkOn({}) : TEXTS.linkOff({});
    this.host.setStatus(text);
    this.host.announce(text);
  }

  private clearSource(): void {
    if (this.source !== undefined) this.host.graph()?.getElementById(this.source).removeClass('vt-link-source');
    this.source = undefined;
  }

  /** Edgehandles finished a drag from one node to another: the drawn edge goes, the cable is asked for. */
  private onDrawn([source, target, added]: unknown[]): void {
    if (typeof added === 'object' && added !== null && 'remove' in added && typeof added.remove === 'function') added.remove();
    if (!isNodeSingular(source) || !isNodeSingular(target)) return;
    this.request(source.id(), target.id());
  }

  private request(sourceId: string, targetId: string): void {
    const diagram = this.host.diagram();
    if (!diagram) return;
    const cable = cableBetween(this.host.node(sourceId), this.host.node(targetId), diagram);
    if ('problem' in cable) {
      this.host.setStatus(cable.problem, true);
      this.host.announce(cable.problem);
      return;
    }
    this.host.send({ type: 'add-link', from: cable.from, to: cable.to });
    this.host.setStatus(TEXTS.cabling({ from: cable.from, to: cable.to }));
  }

  /** Link mode: a clicked (or Enter on the selected) element becomes the first end, or the second one. */
  chooseEnd(id: string): void {
    const diagram = this.host.diagram();
    if (!diagram) return;
    const end = linkEndFor(this.host.node(id), diagram);
    if ('problem' in end) {
      this.host.setStatus(end.problem, true);
      this.host.announce(end.problem);
      return;
    }
    if (this.source === undefined) {
      this.source = id;
      this.host.graph()?.getElementById(id).addClass('vt-link-source');
      const text = TEXTS.cableFrom({ end: end.end });
      this.host.setStatus(text);
      this.host.announce(text);
      return;
    }
    const from = this.source;
    this.clearSource();
    this.request(from, id);
  }
}
