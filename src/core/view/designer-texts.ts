/**
 * The words the designer and the preview use in several places, from catalogs
 * (docs/l10n.md): the names of the element kinds (src/core/edit/kind-names.ts) and of the severities
 * as the designer's texts insert them. Pure, so it runs under Node's test
 * runner and in the webviews (webview/common/language.ts picks the language first).
 */

import { defineMessages } from '../l10n/messages';

export { kindName } from '../edit/kind-names';

const SEVERITIES = defineMessages('designer.severities', {
  error: 'error',
  warning: 'warning',
  info: 'info',
  hint: 'hint',
});

/** A severity's name (`error`) in the user's language. */
export function severityName(severity: 'error' | 'warning' | 'info' | 'hint'): string {
  return SEVERITIES[severity]({});
}

/**
 * The texts of the designer webview's own code (webview/designer/): status line, toolbar
 * groups, legend, property panel, playback bar, link, move, copy and collapse messages.
 * Declared here, under src/core, so that the catalog test sees them.
 */
export const DESIGNER_TEXTS = defineMessages('designer.webview', {
  designerName: 'VTopo designer',
  loading: 'Loading the design...',
  // Toolbar
  toolbar: 'Designer tools',
  groupAdd: 'Add',
  groupEdit: 'Edit',
  groupView: 'View',
  groupExport: 'Export and help',
  searchPlaceholder: 'Find id',
  searchTitle: '{title}; Enter selects the first match',
  // Legend
  legendTitle: 'Legend',
  legendDevices: 'Devices',
  legendLines: 'Lines',
  legendMarks: 'Boxes and borders',
  legendHost: 'Host (around its VMs and ports)',
  legendVm: 'VM',
  legendFcSwitch: 'FC switch',
  legendEthernetSwitch: 'Ethernet switch',
  legendArray: 'Storage array (around its controllers)',
  legendController: 'Controller (around its ports)',
  legendDatastore: 'Datastore',
  legendSite: 'Site',
  legendRack: 'Rack',
  legendChassis: 'Blade chassis',
  legendPowerFeed: 'Power feed',
  legendFabricA: 'Cable on fabric A',
  legendFabricB: 'Cable on fabric B',
  legendCable: 'Other cable (LAN)',
  legendStorage: 'Datastore to its array (dashed)',
  legendSuggested: 'Cable a quick fix would add (dashed)',
  legendPower: 'Power supply to its feed (dashed, Power on)',
  legendFedFrom: 'Feed to the feed it is fed from (Power on)',
  legendCluster: 'Cluster (dashed box)',
  legendSwitchA: 'Fabric A switch',
  legendSwitchB: 'Fabric B switch',
  legendError: 'Error (double border, \u26a0 count)',
  legendWarning: 'Warning',
  legendInfo: 'Information',
  // Canvas
  canvasHint: 'Tab moves through elements, arrows move the selected one, Delete deletes it, Enter renames it, L starts cabling.',
  canvasRole: 'design canvas',
  canvasEmpty: 'Design canvas.',
  canvasLabel: '{summary} {hint}',
  vmsHidden: 'VMs hidden: each host shows its VM count; select a host to list its VMs.',
  vmsShown: 'VMs shown inside their hosts.',
  exported: 'Exported the canvas as {format}.',
  minimap: 'Minimap of the design; click or drag on it to move the view there',
  // Property panel
  properties: 'Properties',
  manySelected: '{count} elements selected',
  noSelection: 'No selection',
  manySelectedHint: 'Drag to move them together; Delete deletes them.',
  noSelectionHint: 'Click an element, or Tab through them, to edit its properties.',
  findings: '{count} finding(s), worst: {severity}',
  vmFindings: '{count} finding(s), worst {severity}',
  backTo: 'Back to {owner}',
  backToTitle: 'Show the {ownerKind} this {kind} belongs to',
  delete: 'Delete',
  deleteThis: 'Delete this {kind}',
  deleteTitle: 'Delete (Delete)',
  expand: 'Expand',
  expandTitle: 'Show what it holds (double-click or Space)',
  collapse: 'Collapse',
  collapseTitle: 'Draw it as one box with a count of what it holds (double-click or Space); the file is not changed',
  rename: 'Rename',
  renameTitle: 'Rename (Enter or F2)',
  vmsOnHost: 'VMs on this host ({count})',
  showVm: 'Show {id}',
  vmsNotDrawn: '{count} (not drawn; click one to see it)',
  unset: '(unset)',
  newIdFor: 'New id for {id}',
  // Edits
  selectToDelete: 'Select something to delete first.',
  addingElement: 'Adding {kind} {id}...',
  simulating: 'Simulating the failure of {id}...',
  collapsed: 'Collapsed {kind} {id} ({summary}): double-click it or press Space to expand it.',
  expanded: 'Expanded {kind} {id}.',
  noPowerFeeds: 'This design has no power feeds to show: add them under powerFeeds in the text, and each device\'s feeds in its power field.',
  powerShown: 'Power feeds shown: a dashed line runs from each device to each feed its power supplies are plugged into, a solid one from each feed to the feed upstream of it.',
  powerHidden: 'Power feeds hidden.',
  nothingToCopy: 'Select a host, VM, switch, array, datastore, site or rack to copy.',
  copiedOne: 'Copied {ids}: Ctrl+V adds a copy.',
  copiedMany: 'Copied {ids}: Ctrl+V adds copies.',
  nothingCopied: 'Nothing copied yet: select an element and press Ctrl+C.',
  adding: 'Adding {ids}...',
  noCable: 'No cable: release the mouse on a port, host, controller or switch of another device.',
  linkOn: 'Link mode: drag from a port to a switch or another port, or pick one end, then the other (click, or Enter on the selected element).',
  linkOff: 'Link mode off.',
  cabling: 'Cabling {from} to {to}...',
  cableFrom: 'Cable from {end}: now click the other end.',
  simulationShownLayout: 'A simulation is shown: Clear simulation first to lay the design out.',
  layingOut: 'Laying the design out...',
  layoutMovedNothing: 'The layout moved nothing.',
  laidOut: 'Laid out {count} elements.',
  simulationShownMove: 'A simulation is shown: Clear simulation first to move elements.',
  onlyPlaced: 'Only hosts, switches, arrays and datastores are placed (sites, racks and chassis with what they hold); VMs, controllers and ports follow them.',
  // Simulation playback
  simulationTimeTitle: 'Time in the simulation',
  simulationTime: 'Simulation time',
  simulationPlayback: 'Simulation playback',
  simulationTitle: 'Simulation: {scenario}',
  simulationLoaded: 'Simulation "{scenario}" over {duration}: use the time slider or Play; Clear simulation returns to the design.',
  simulationCleared: 'Simulation cleared: the canvas shows the design.',
  pause: 'Pause',
  clock: '{time} / {duration}',
  cutOffLabel: '{label} [{badge}]',
});

/** The texts of the preview webview (webview/main.ts). */
export const PREVIEW_TEXTS = defineMessages('preview', {
  summary: '{title}: {elements} elements, {connections} connections, {marked} with findings',
  findings: '{count} finding(s), worst: {severity}',
  labelWithFindings: '{label} ({count})',
});
