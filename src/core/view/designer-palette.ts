/**
 * What a palette button of the designer adds, given the selection: a fresh id in its
 * siblings' style (designer-model.ts nextFreeId) and where the new element goes: a host
 * into the selected cluster (or the cluster of the selected host or VM, or the only one), a
 * VM onto the selected host, a datastore onto the selected array, a rack into the selected
 * site (or the site the selected rack or device stands in, or else the only site). Pure, so it runs
 * under Node's test runner; webview/designer/editing.ts sends the result as an add-element intent.
 */

import type { NewElement } from '../edit/intents';
import { nextFreeId, siblingIds, type PaletteKind } from './designer-model';
import type { Diagram, DiagramNode } from './diagram';
import { ancestorsOf } from './diagram-tree';
import { defineMessages } from '../l10n/messages';

const MESSAGES = defineMessages('designer.palette', {
  selectHost: 'Select a host first: the new VM goes onto the selected host.',
});

export type PaletteResult = { readonly element: NewElement } | { readonly problem: string };

/** The cluster a node belongs to: a cluster itself, a host's (drawn in it or named), a VM's host's. */
function clusterOf(node: DiagramNode | undefined, byId: ReadonlyMap<string, DiagramNode>): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'cluster') return node.id;
  if (node.kind === 'host') return node.cluster ?? (byId.get(node.parent ?? '')?.kind === 'cluster' ? node.parent : undefined);
  if (node.kind === 'vm') return clusterOf(byId.get(node.parent ?? ''), byId);
  return undefined;
}

/** The site a node stands in: a site itself, or the nearest site around it. */
function siteOf(node: DiagramNode | undefined, byId: ReadonlyMap<string, DiagramNode>): string | undefined {
  if (!node) return undefined;
  return [node, ...ancestorsOf(node.id, byId)].find((at) => at.kind === 'site')?.id;
}

/** The element a palette button adds with the first selected node as context. */
export function paletteElement(kind: PaletteKind, diagram: Diagram, selected: DiagramNode | undefined): PaletteResult {
  const byId = new Map(diagram.nodes.map((node) => [node.id, node]));
  const taken = new Set(diagram.nodes.map((node) => node.id));
  const id = nextFreeId(kind, siblingIds(diagram, kind), taken);
  const only = (nodeKind: string) => {
    const all = diagram.nodes.filter((node) => node.kind === nodeKind);
    return all.length === 1 ? all[0]?.id : undefined;
  };
  switch (kind) {
    case 'host': {
      const inCluster = selected?.kind === 'cluster' || selected?.kind === 'host' || selected?.kind === 'vm';
      const cluster = inCluster ? clusterOf(selected, byId) : only('cluster');
      return { element: { kind: 'host', id, ...(cluster !== undefined ? { cluster } : {}) } };
    }
    case 'vm': {
      const host = selected?.kind === 'host' ? selected.id : selected?.kind === 'vm' ? selected.parent : undefined;
      if (host === undefined) return { problem: MESSAGES.selectHost({}) };
      return { element: { kind: 'vm', id, host } };
    }
    case 'fc-switch':
    case 'ethernet-switch': {
      if (kind === 'ethernet-switch') return { element: { kind: 'switch', id, switchType: 'ethernet' } };
      const fc = diagram.nodes.filter((node) => node.kind === 'switch' && node.fabric !== undefined);
      const a = fc.filter((node) => node.fabric?.toUpperCase() === 'A').length;
      const b = fc.filter((node) => node.fabric?.toUpperCase() === 'B').length;
      return { element: { kind: 'switch', id, switchType: 'fc', fabric: a <= b ? 'A' : 'B' } };
    }
    case 'array':
      return { element: { kind: 'array', id } };
    case 'datastore': {
      const array = selected?.kind === 'array' ? selected.id : selected?.kind === 'controller' ? selected.parent : undefined;
      return { element: { kind: 'datastore', id, ...(array !== undefined ? { array } : {}) } };
    }
    case 'site':
      return { element: { kind: 'site', id } };
    case 'rack': {
      const site = siteOf(selected, byId) ?? only('site');
      return { element: { kind: 'rack', id, ...(site !== undefined ? { site } : {}) } };
    }
  }
}
