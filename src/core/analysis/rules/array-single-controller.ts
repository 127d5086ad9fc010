import { defineMessages } from '../../l10n/messages';
import { findArrayProduct } from '../../model/catalog';
import { redundantLegs } from '../storage-network';
import type { Report } from '../../model/report';
import type { AnalysisRule } from '../rule';
import { listSeparator, quoteId } from '../../l10n/format';

const MESSAGES = defineMessages('array-single-controller', {
  singleMode: 'Array "{array}" is in single-controller mode: it is a single point of failure for {datastores}.',
  oneController: 'Array "{array}" has one controller: it is a single point of failure for {datastores}.',
  modelOneController: 'Array "{array}" (model {model}) has one controller: it is a single point of failure for {datastores}.',
  everyDatastore: 'every datastore on it',
  unknownModel: 'unknown',
  datastoreOnArray: 'datastore "{datastore}" is on this array',
});

/** An array with one controller is a single point of failure for every datastore on it. */
export const arraySingleController: AnalysisRule = {
  meta: {
    id: 'array-single-controller',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Storage array with a single controller',
      description:
        'An array with one RAID controller (storage processor) stops serving every LUN on it when that controller fails or is updated, so all VMs on it go down together and HA cannot restart them anywhere. The array vendor white paper (docs/design/sources.md#seed-000) marks its single-controller AV100 models as not fully redundant and recommends dual-controller arrays (FQ816R, FQ1616R) for HA; docs/design/algorithms.md#5-storage-path-redundancy requires two controllers, each with ports on both fabrics. Use a dual-controller array, mirror its datastores synchronously onto another array (`mirror:`, which this rule takes into account), or accept the risk explicitly by turning this rule off for the file.',
      sources: ['docs/design/sources.md#seed-000 — AV100-G6/G10 single controller, FQ816R/FQ1616R dual controller', 'docs/design/algorithms.md#5-storage-path-redundancy'],
    },
  },
  reads: ['arrays', 'datastores'],
  *check({ topology }) {
    for (const array of topology.arrays) {
      const product = findArrayProduct(array.model);
      const declared = array.controllers.length;
      const single = array.mode === 'single' || declared === 1 || (declared === 0 && product?.controllers === 1);
      if (!single) continue;
      const onArray = topology.datastores.filter((d) => d.array === array.id || d.mirror?.array === array.id);
      // A datastore whose synchronous mirror keeps a copy on another array outlives this one.
      const datastores = onArray.filter((d) => redundantLegs(d).length < 2);
      if (onArray.length > 0 && datastores.length === 0) continue;
      const named = { array: array.id, datastores: datastores.length === 0 ? MESSAGES.everyDatastore({}) : datastores.map((d) => quoteId(d.id)).join(listSeparator()) };
      const report: Report = {
        message: array.mode === 'single'
          ? MESSAGES.singleMode(named)
          : declared === 1
            ? MESSAGES.oneController(named)
            : MESSAGES.modelOneController({ ...named, model: product?.model ?? MESSAGES.unknownModel({}) }),
        range: array.idRange,
        elementIds: [array.id, ...datastores.map((d) => d.id)],
        related: datastores.map((d) => ({ message: MESSAGES.datastoreOnArray({ datastore: d.id }), range: d.idRange })),
      };
      yield report;
    }
  },
};
