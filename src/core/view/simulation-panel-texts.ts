/**
 * The results panel's own texts (webview/simulation.ts): its buttons, tabs, headings, chart
 * captions, legends, tooltips and aria labels. Declared here, in src/core, so that the
 * language tests hold them to their translations; the webview asks for them by id once
 * webview/common/language.ts has set the user's language.
 */

import { defineMessages } from '../l10n/messages';
import type { TimelineMarkKind } from './simulation-charts';

export const PANEL_TEXTS = defineMessages('simulation.panel', {
  exportMarkdown: 'Export Markdown',
  exportJson: 'Export JSON',
  timeline: 'Timeline',
  capacity: 'Capacity',
  migrationRounds: 'Migration rounds',
  hostLoad: 'Host load',
  tableTab: 'Table: {caption}',
  noVmLost: 'No VM lost its service.',
  timelineAria: 'Downtime timeline: {groups}',
  timelineAriaGroup: '{group}, {count} VMs',
  groupSeparator: '; ',
  markTooltip: '{time}: {label}',
  legendDown: 'down',
  legendUnreachable: 'running, unreachable',
  legendBooting: 'booting',
  legendTakeover: 'takeover',
  legendMigrating: 'migrating',
  markFailure: 'failure',
  markIsolation: 'host declares isolation',
  markIsolationResponse: 'isolation response',
  markPartition: 'network partition',
  markQuorumLost: 'quorum lost',
  markVmsStopped: 'VMs turned off (Hyper-V resiliency period over)',
  markFenced: 'fenced (watchdog)',
  markDetection: 'host declared failed',
  markRecovery: 'recovered',
  capacityAria: 'Host memory and CPU use before and after',
  hostFailed: 'failed',
  vmsBeforeAfter: '{before} -> {after} VMs',
  memoryBefore: 'memory before',
  memoryAfter: 'memory after',
  cpuBefore: 'CPU before',
  cpuAfter: 'CPU after',
  usedOf: '{percent} ({used} of {capacity})',
  barTooltip: '{host} {label}: {value}',
  before: 'before',
  after: 'after',
  afterTheMoves: 'after the moves',
  overCapacity: 'over capacity',
  ghz: '{n} GHz',
  mhz: '{n} MHz',
  roundsCaptionConverged: '{vm}: {method} over {mbps} Mbps; converged: {reason}.',
  roundsCaptionNotConverged: '{vm}: {method} over {mbps} Mbps; did not converge: {reason}.',
  noRounds: 'No pre-copy rounds (post-copy moves the VM first and pulls its memory after).',
  roundsAria: 'Data sent per pre-copy round for {vm}',
  stopAndCopySent: 'Stop-and-copy: sent {sent} in {time}',
  roundSent: 'Round {round}: sent {sent} in {time}',
  roundDirtied: 'Round {round}: {dirtied} dirtied meanwhile',
  sentInRound: 'sent in a round',
  dirtiedMeanwhile: 'dirtied meanwhile',
  stopAndCopy: 'stop-and-copy (VM paused)',
  balanceCaption: 'Load of each host of cluster {cluster} ({metric}: configured + overhead of its powered-on VMs / its memory for VMs), before and after the recommended moves. A heuristic: see the notes above.',
  memory: 'memory',
  noConnectedHost: 'The cluster has no connected host that runs VMs.',
  balanceAria: 'Host loads before and after: {hosts}',
  balanceAriaHost: '{host} {before} to {after}',
  movesOut: '{count} out',
  movesIn: '{count} in',
  noMove: 'no move',
  moves: 'moves: {moves}',
  loadTooltip: '{host} {label}: {load} of its memory for VMs',
  none: 'None.',
  tableCaption: '{caption} ({count}); click a column heading to sort',
});

/** What the legend says a kind of timeline mark is. */
export function markLegendText(kind: TimelineMarkKind): string {
  switch (kind) {
    case 'failure':
      return PANEL_TEXTS.markFailure({});
    case 'isolation':
      return PANEL_TEXTS.markIsolation({});
    case 'isolation-response':
      return PANEL_TEXTS.markIsolationResponse({});
    case 'partition':
      return PANEL_TEXTS.markPartition({});
    case 'quorum-lost':
      return PANEL_TEXTS.markQuorumLost({});
    case 'vms-stopped':
      return PANEL_TEXTS.markVmsStopped({});
    case 'fenced':
      return PANEL_TEXTS.markFenced({});
    case 'detection':
      return PANEL_TEXTS.markDetection({});
    case 'recovery':
      return PANEL_TEXTS.markRecovery({});
  }
}
