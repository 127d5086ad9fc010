/** Quick fixes more than one rule offers. */

import { defineMessages } from '../../l10n/messages';
import type { QuickFix } from '../../model/report';
import type { Datastore, Vm } from '../../model/topology';

const FIXES = defineMessages('fixes', {
  moveToShared: 'Move "{vm}" to shared datastore "{datastore}"',
});

/** "Move the VM to shared datastore X", one fix per shared datastore, the first preferred. */
export function moveToSharedDatastoreFixes(vm: Vm, shared: readonly Datastore[]): QuickFix[] {
  const valueRange = vm.source.fields.datastore?.value ?? vm.idRange;
  return shared.map((datastore, index) => ({
    title: FIXES.moveToShared({ vm: vm.id, datastore: datastore.id }),
    edits: [{ range: valueRange, newText: datastore.id }],
    preferred: index === 0,
  }));
}
