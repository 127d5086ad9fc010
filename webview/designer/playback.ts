/**
 * Simulation playback on the designer canvas: a time slider (with play/pause) over a
 * simulation's result. At time t the failed elements are greyed, the VMs that are down are
 * marked, the VMs that run but cannot be reached are marked otherwise, hosts cut off from
 * their cluster (isolated, partitioned, without quorum) get a dashed border and a badge,
 * and the VMs that restarted elsewhere sit inside their new host once up. It only
 * changes the picture, never the design: no intents; dragging is off while it plays, and
 * "Clear simulation" puts every VM back where the design has it.
 */

import type { Core, NodeSingular } from 'cytoscape';
import { iconButton } from './dom';
import { commandSpec } from '../../src/core/view/designer-commands';
import { cutOffBadge, describePlaybackState, formatSeconds, playbackStateAt, type PlaybackState, type SimulationPlayback } from '../../src/core/view/designer-playback';
import { DESIGNER_TEXTS as TEXTS } from '../../src/core/view/designer-texts';

export interface PlaybackHost {
  graph(): Core | undefined;
  /** The VM's host and position in the design (the last document). */
  home(vmId: string): { parent: string | undefined; position: { x: number; y: number } | undefined } | undefined;
  setStatus(text: string): void;
  announce(text: string): void;
}

/** A full playback lasts this long at normal speed. */
const PLAY_MILLISECONDS = 10_000;
const STEPS = 1000;

export class SimulationPlayer {
  readonly bar: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly time: HTMLElement;
  private readonly title: HTMLElement;
  private readonly playButton: HTMLButtonElement;
  private playback: SimulationPlayback | undefined;
  private seconds = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** VMs the playback moved into another host: VM id -> that host. */
  private readonly moved = new Map<string, string>();
  private lastAnnounced = '';

  constructor(private readonly host: PlaybackHost, make: {
    element: <K extends keyof HTMLElementTagNameMap>(tag: K, props?: { className?: string; text?: string; id?: string; title?: string }) => HTMLElementTagNameMap[K];
  }) {
    this.title = make.element('span', { className: 'vt-sim-title', id: 'vt-sim-title' });
    this.playButton = iconButton(commandSpec('play'), () => this.togglePlay());
    this.slider = make.element('input', { id: 'vt-sim-time', title: TEXTS.simulationTimeTitle({}) });
    this.slider.type = 'range';
    this.slider.min = '0';
    this.slider.max = String(STEPS);
    this.slider.step = '1';
    this.slider.value = '0';
    this.slider.setAttribute('aria-label', TEXTS.simulationTime({}));
    this.slider.addEventListener('input', () => {
      this.pause();
      this.seek(this.sliderSeconds());
    });
    this.slider.addEventListener('keydown', (event) => event.stopPropagation());
    this.time = make.element('span', { className: 'vt-sim-clock', id: 'vt-sim-clock' });
    const clear = iconButton(commandSpec('clear-simulation'), () => this.clear());
    this.bar = make.element('div', { className: 'vt-group vt-sim vt-hidden', id: 'vt-sim' });
    this.bar.setAttribute('aria-label', TEXTS.simulationPlayback({}));
    this.bar.append(this.title, this.playButton, this.slider, this.time, clear);
  }

  get active(): boolean {
    return this.playback !== undefined;
  }

  /** Shows a new simulation from its start. */
  load(playback: SimulationPlayback): void {
    this.pause();
    this.playback = playback;
    this.title.textContent = TEXTS.simulationTitle({ scenario: playback.scenario });
    this.bar.classList.remove('vt-hidden');
    this.host.graph()?.autoungrabify(true);
    this.lastAnnounced = '';
    this.seek(0);
    const text = TEXTS.simulationLoaded({ scenario: playback.scenario, duration: formatSeconds(playback.durationSeconds) });
    this.host.setStatus(text);
    this.host.announce(text);
  }

  /** The design was redrawn (a new document): show the playback on it again. */
  refresh(): void {
    if (!this.playback) return;
    this.host.graph()?.autoungrabify(true);
    // The merge put moved VMs back into their design host.
    this.moved.clear();
    this.apply(playbackStateAt(this.playback, this.seconds));
  }

  clear(): void {
    if (!this.playback) return;
    this.pause();
    this.apply({ failed: new Set(), failedCount: 0, down: new Set(), unreachable: new Set(), movedTo: new Map(), isolated: new Map() });
    this.playback = undefined;
    this.bar.classList.add('vt-hidden');
    this.host.graph()?.autoungrabify(false);
    const text = TEXTS.simulationCleared({});
    this.host.setStatus(text);
    this.host.announce(text);
  }

  seek(seconds: number): void {
    if (!this.playback) return;
    this.seconds = Math.min(Math.max(0, seconds), this.playback.durationSeconds);
    this.slider.value = String(Math.round((this.seconds / this.playback.durationSeconds) * STEPS));
    this.time.textContent = TEXTS.clock({ time: formatSeconds(this.seconds), duration: formatSeconds(this.playback.durationSeconds) });
    const state = playbackStateAt(this.playback, this.seconds);
    this.apply(state);
    const text = describePlaybackState(state, this.seconds);
    this.host.setStatus(text);
    const counts = `${state.failedCount}/${state.down.size}/${state.movedTo.size}/${state.isolated.size}/${state.unreachable.size}`;
    if (counts !== this.lastAnnounced) {
      this.lastAnnounced = counts;
      this.host.announce(text);
    }
  }

  private sliderSeconds(): number {
    return this.playback ? (Number(this.slider.value) / STEPS) * this.playback.durationSeconds : 0;
  }

  private togglePlay(): void {
    if (this.timer !== undefined) {
      this.pause();
      return;
    }
    const playback = this.playback;
    if (!playback) return;
    if (this.seconds >= playback.durationSeconds) this.seek(0);
    this.showPlaying(true);
    const tick = 50;
    this.timer = setInterval(() => {
      const next = this.seconds + (playback.durationSeconds * tick) / PLAY_MILLISECONDS;
      this.seek(next);
      if (next >= playback.durationSeconds) this.pause();
    }, tick);
  }

  private pause(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.showPlaying(false);
  }

  /** Play or Pause, on the same button. */
  private showPlaying(playing: boolean): void {
    this.playButton.setAttribute('aria-pressed', String(playing));
    this.playButton.setAttribute('aria-label', playing ? TEXTS.pause({}) : commandSpec('play').label);
    this.playButton.firstElementChild?.classList.toggle('codicon-play', !playing);
    this.playButton.firstElementChild?.classList.toggle('codicon-debug-pause', playing);
  }

  /** Play or pause (Shift+Space), while a simulation is shown. */
  playOrPause(): void {
    if (this.playback) this.togglePlay();
  }

  /** Greys, marks and moves the elements to show `state`. */
  private apply(state: PlaybackState): void {
    const cy = this.host.graph();
    if (!cy) return;
    cy.batch(() => {
      // VMs back home first, so a host's box is its own again before others move in.
      for (const [vmId, host] of [...this.moved]) {
        if (state.movedTo.get(vmId) === host) continue;
        this.moved.delete(vmId);
        const home = this.host.home(vmId);
        const node = cy.getElementById(vmId);
        if (!home || node.empty()) continue;
        if (home.parent === undefined || cy.getElementById(home.parent).nonempty()) {
          const back = node.move({ parent: home.parent ?? null }).first();
          if (home.position) back.position({ ...home.position });
        }
      }
      for (const [vmId, host] of state.movedTo) {
        if (this.moved.get(vmId) === host) continue;
        const node = cy.getElementById(vmId);
        const target = cy.getElementById(host);
        if (node.empty() || target.empty()) continue;
        const spot = freeSpotIn(target);
        node.move({ parent: host }).first().position(spot);
        this.moved.set(vmId, host);
      }
      // Classes last: move() replaces the element it moves.
      cy.elements().forEach((element) => {
        element.toggleClass('vt-sim-failed', state.failed.has(element.id()));
      });
      cy.nodes('[kind = "vm"]').forEach((node) => {
        node.toggleClass('vt-sim-down', state.down.has(node.id()));
        node.toggleClass('vt-sim-unreachable', state.unreachable.has(node.id()));
        node.toggleClass('vt-sim-moved', this.moved.has(node.id()));
      });
      // Cut-off hosts: a badge after the label (data only; the style draws it as text).
      cy.nodes('[kind = "host"]').forEach((node) => {
        const reason = state.isolated.get(node.id());
        node.toggleClass('vt-sim-isolated', reason !== undefined);
        if (reason === undefined) node.removeData('simLabel');
        else node.data('simLabel', TEXTS.cutOffLabel({ label: String(node.data('display') ?? node.id()), badge: cutOffBadge(reason) }));
      });
    });
  }
}

/** A place inside a host for one more VM: right of its children, or at its centre. */
function freeSpotIn(host: NodeSingular): { x: number; y: number } {
  const children = host.children();
  if (children.empty()) return { ...host.position() };
  const box = children.boundingBox({ includeLabels: false, includeOverlays: false });
  return { x: box.x2 + 16, y: box.y1 + 8 };
}
