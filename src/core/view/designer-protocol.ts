/**
 * Messages between the designer webview (the canvas) and the extension host. The document
 * is the single source of truth: the canvas sends edit intents based on a document
 * version; the host applies them as minimal WorkspaceEdits, or rejects them (stale or
 * invalid) and resends the document. The webview is untrusted: every message it sends is
 * validated by `parseDesignerMessage` (designer-validate.ts) before use.
 */

import type { DesignIntent } from '../edit/intents';
import type { SimulationPlayback } from './designer-playback';
import type { Diagram } from './diagram';

export const DESIGNER_PROTOCOL_VERSION = 1;

/** One editable field of the selected element, for the property panel. */
export interface ElementField {
  /** Key as the format names it (dots for nested keys: `cpu.cores`). */
  readonly key: string;
  /** The value as written in the file (YAML text), or undefined when unset. */
  readonly value: string | undefined;
  /** Type for people, from the format (`integer`, `data with unit, e.g. "512 GB"`). */
  readonly typeName: string;
  /** The same type in the user's language, to show (`typeName` stays the format's, for the panel's logic). */
  readonly typeText?: string;
  readonly description: string;
  /** Allowed values of an enumeration, or ids of the right kind for a reference. */
  readonly choices?: readonly string[];
}

/** The property panel's fields of one element, sent when the canvas asks for them. */
export interface ElementDetails {
  readonly id: string;
  readonly kind: string;
  readonly fields: readonly ElementField[];
}

export type HostToDesignerMessage =
  | {
      readonly type: 'document';
      readonly protocol: typeof DESIGNER_PROTOCOL_VERSION;
      /** Document version the diagram was built from; intents carry it back as baseVersion. */
      readonly version: number;
      readonly title: string;
      readonly diagram: Diagram;
    }
  /**
   * The editable fields of one element at a document version, in answer to the canvas's
   * 'details' request (only the element the panel shows: a big design's fields for every
   * element would be megabytes per keystroke).
   */
  | { readonly type: 'details'; readonly version: number; readonly details: ElementDetails }
  | { readonly type: 'rejected'; readonly requestId: number; readonly reason: string }
  | { readonly type: 'applied'; readonly requestId: number; readonly dangling: readonly string[] }
  /** Select an element (e.g. from the Problems panel or a CodeLens). */
  | { readonly type: 'select'; readonly elementId: string }
  /** Play a simulation's result on the canvas (designer-playback.ts); the design itself is unchanged. */
  | { readonly type: 'simulation'; readonly result: SimulationPlayback };

/** What the designer's context menu can ask the simulator to fail (the simulator's and the diagram's own kind names). */
export const SIMULATED_FAILURE_KINDS = ['host', 'switch', 'array', 'controller', 'site', 'rack', 'chassis', 'power-feed'] as const;

export type SimulatedFailureKind = (typeof SIMULATED_FAILURE_KINDS)[number];

export type DesignerToHostMessage =
  | { readonly type: 'ready' }
  /** Ask for the editable fields of an element (answered by a 'details' message). */
  | { readonly type: 'details'; readonly elementId: string }
  | { readonly type: 'intent'; readonly protocol: typeof DESIGNER_PROTOCOL_VERSION; readonly requestId: number; readonly intent: DesignIntent }
  /** Show the element's text in a text editor. */
  | { readonly type: 'reveal'; readonly elementId: string }
  /** Save the canvas picture (the webview renders it; the host asks where to save). */
  | { readonly type: 'export-image'; readonly format: 'svg' | 'png'; readonly data: string }
  /**
   * Run the failure simulation of one element (the context menu's "Simulate failure of ..."):
   * the host runs the same command as the palette's, and the result plays on the canvas.
   */
  | { readonly type: 'simulate-failure'; readonly target: { readonly kind: SimulatedFailureKind; readonly id: string } };
