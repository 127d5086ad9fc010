import { defineMessages } from '../../../l10n/messages';
import { findArrayProduct, type ArrayProduct } from '../../../model/catalog';
import type { ArrayPort, StorageArray } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { listSeparator, quoteId } from '../../../l10n/format';

type PortType = ArrayPort['type'];

const MESSAGES = defineMessages('array-preset-mismatch', {
  mismatchSingle: 'Array "{array}" names model {model} (single controller, {hostPorts}) but declares {mismatches}.',
  mismatchDual: 'Array "{array}" names model {model} (dual controller, {hostPorts}) but declares {mismatches}.',
  oneController: '1 controller where the product has {productCount}',
  manyControllers: '{count} controllers where the product has {productCount}',
  onePortNone: '1 {protocol} port where the product has none',
  manyPortsNone: '{count} {protocol} ports where the product has none',
  morePorts: '{count} {protocol} ports where the product has {productCount}',
  onePortFaster: '{protocol} port {ports} faster than the product\'s {speed} Gbps',
  manyPortsFaster: '{protocol} ports {ports} faster than the product\'s {speed} Gbps',
  array: 'array "{array}"',
});

/** What a declared array has that its product does not: each difference as a phrase. */
function mismatches(array: StorageArray, product: ArrayProduct): string[] {
  const found: string[] = [];
  const declared = array.controllers.length;
  if (declared > 0 && declared !== product.controllers) {
    found.push(declared === 1 ? MESSAGES.oneController({ productCount: product.controllers }) : MESSAGES.manyControllers({ count: declared, productCount: product.controllers }));
  }
  const ports = array.controllers.flatMap((controller) => controller.ports);
  for (const type of ['fc', 'iscsi', 'nfs'] as const satisfies readonly PortType[]) {
    const ofType = ports.filter((port) => port.type === type);
    if (ofType.length === 0) continue;
    const offered = product.ports.filter((group) => group.type === type);
    const most = offered.reduce((sum, group) => sum + group.count, 0);
    const name = type === 'fc' ? 'FC' : type === 'iscsi' ? 'iSCSI' : 'NFS';
    if (most === 0) {
      found.push(ofType.length === 1 ? MESSAGES.onePortNone({ protocol: name }) : MESSAGES.manyPortsNone({ count: ofType.length, protocol: name }));
      continue;
    }
    if (ofType.length > most) found.push(MESSAGES.morePorts({ count: ofType.length, protocol: name, productCount: most }));
    const fastest = Math.max(...offered.map((group) => group.speedMbps));
    const faster = ofType.filter((port) => port.speedMbps !== undefined && port.speedMbps > fastest);
    if (faster.length > 0) {
      const data = { protocol: name, ports: faster.map((port) => quoteId(port.id)).join(listSeparator()), speed: fastest / 1000 };
      found.push(faster.length === 1 ? MESSAGES.onePortFaster(data) : MESSAGES.manyPortsFaster(data));
    }
  }
  return found;
}

/** An array that names a known product (model) but declares controllers or ports the product does not have. */
export const arrayPresetMismatch: AnalysisRule = {
  meta: {
    id: 'array-preset-mismatch',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Array declared unlike the product it names',
      description:
        'When an array names a product the analyzer knows (`model`), its declared controllers and host ports must be ones the product has: the single-controller AV100-G6 (6 x 1GbE iSCSI) and AV100-G10 (2 x 10GbE + 6 x 1GbE iSCSI) have no second controller and no FC ports; the dual-controller FQ816R (8 x 8Gb FC + 4 x 1GbE iSCSI) and FQ1616R (4 x 16Gb FC + 4 x 1GbE iSCSI) have two controllers and no more ports than these. A design that draws a second controller on a single-controller model, or ports the product lacks, gets a redundancy and path analysis the hardware cannot deliver. Fix the controllers and ports, or the model. Port counts are for the whole array; the products are a data table (src/core/model/catalog.ts).',
      sources: ['docs/design/sources.md#seed-000 — the array vendor\'s product list'],
    },
  },
  reads: ['arrays'],
  *check({ topology }) {
    for (const array of topology.arrays) {
      const product = findArrayProduct(array.model);
      if (!product) continue;
      const found = mismatches(array, product);
      if (found.length === 0) continue;
      const modelRange = array.source.fields.model?.value ?? array.idRange;
      yield {
        message: (product.controllers === 1 ? MESSAGES.mismatchSingle : MESSAGES.mismatchDual)({ array: array.id, model: product.model, hostPorts: product.hostPorts, mismatches: found.join('; ') }),
        range: modelRange,
        elementIds: [array.id],
        related: [{ message: MESSAGES.array({ array: array.id }), range: array.idRange }],
      };
    }
  },
};
