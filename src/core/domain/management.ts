/** The management server as the rules see it: its VMs, resolved, with where each is named. */

import type { SourceRange } from '../model/source';
import type { Topology, Vm } from '../model/topology';
import { defineMessages } from '../l10n/messages';

const PARTS = defineMessages('management-parts', {
  server: 'management server',
  database: '{product} database',
});

export interface ManagementVm {
  readonly vm: Vm;
  /** "management server" or "management database". */
  readonly part: string;
  /** Where `management` names it. */
  readonly range: SourceRange;
}

export function managementVms(topology: Topology): ManagementVm[] {
  const management = topology.file?.management;
  if (!management) return [];
  const result: ManagementVm[] = [];
  const product = management.product ?? PARTS.server({});
  for (const [key, part] of [['vm', product], ['databaseVm', PARTS.database({ product })]] as const) {
    const id = management[key];
    const vm = id === undefined ? undefined : topology.vm(id);
    const range = management.source.fields[key]?.value;
    if (vm && range && !result.some((m) => m.vm === vm)) result.push({ vm, part, range });
  }
  return result;
}
