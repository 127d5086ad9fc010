import type { SimulationEventKind, SimulationResult, VmOutcome, VmResult } from '../../../src/core/simulation/types';

export function vmResult(result: SimulationResult, vmId: string): VmResult {
  const found = result.vms.find((vm) => vm.vmId === vmId);
  if (!found) throw new Error(`no result for ${vmId}`);
  return found;
}

export function outcome(result: SimulationResult, vmId: string): VmOutcome {
  return vmResult(result, vmId).outcome;
}

/** [time, kind, element ids] of every event of these kinds, in log order. */
export function timeline(result: SimulationResult, kinds: readonly SimulationEventKind[]): Array<[number, SimulationEventKind, string]> {
  return result.events.filter((e) => kinds.includes(e.kind)).map((e) => [e.timeSeconds, e.kind, e.elementIds.join(' ')]);
}
