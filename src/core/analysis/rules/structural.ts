/**
 * The structural rules: their findings come from the reader (src/core/model/parse.ts),
 * not from a check; they are listed here so that they have docs and can be configured.
 */

import { MAX_INPUT_CHARACTERS } from '../../model/parse';
import type { StructuralRuleId } from '../../model/report';
import { READ_LIMITS } from '../../model/schema';
import { grouped } from '../../text/plural';
import type { RuleMeta } from '../rule';

const FORMAT_DOC = 'docs/format.md';

export const STRUCTURAL_RULES: Readonly<Record<StructuralRuleId, RuleMeta>> = {
  syntax: {
    id: 'syntax',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'The file is not valid YAML, or a key is given twice',
      description:
        'A .vtopo file is one YAML 1.2 document. Syntax errors (bad indentation, unclosed brackets, tabs) and keys repeated in one mapping stop the part of the design they touch from being read; the rest is still analyzed.',
      sources: ['docs/design/sources.md#yaml-1-2', FORMAT_DOC],
    },
  },
  'unknown-key': {
    id: 'unknown-key',
    defaultSeverity: 'error',
    fixable: true,
    docs: {
      title: 'A key that the format does not define',
      description:
        'Every key of a .vtopo file is defined by the format (schemas/vtopo.schema.json). An unknown key is usually a typo, and a typo silently loses a setting: `restartPriorty: high` would leave the VM at the default priority. The quick fix renames the key to the closest known one. A host profile also refuses, saying why, the host keys it cannot share: `cluster`, `state`, and `vmkernelPorts` and `virtualSwitches`, which name ports by full id.',
      sources: [FORMAT_DOC],
    },
  },
  'invalid-value': {
    id: 'invalid-value',
    defaultSeverity: 'error',
    fixable: true,
    docs: {
      title: 'A value of the wrong type, unit or range',
      description:
        'Values are checked against the format: numbers in range, enumerations (restart priorities, policies), ids, dates, and quantities with units ("512 GB", "16 Gbps"). A number without a unit under a bare key such as `memory: 512` is refused rather than guessed. The quick fix offers the closest allowed value where there is one.',
      sources: [FORMAT_DOC],
    },
  },
  'missing-field': {
    id: 'missing-field',
    defaultSeverity: 'error',
    fixable: true,
    docs: {
      title: 'A required key is missing',
      description:
        'A few keys have no sensible default: the format version `vtopo: 1`, a host\'s CPU and memory (given by the host or by its profile), a VM\'s host and memory, the type of an adapter, switch, guest cluster or rule. Without them the element is left out of the analysis, so its absence is reported where it should be.',
      sources: [FORMAT_DOC],
    },
  },
  'duplicate-id': {
    id: 'duplicate-id',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'Two elements share an id',
      description:
        'Ids name elements across the whole file (hosts, switches, arrays, datastores, VMs, clusters, rules), so a reference such as `host: esx-01` or a cable end means exactly one thing. The second element with an id is ignored until it is renamed.',
      sources: [FORMAT_DOC],
    },
  },
  'unresolved-reference': {
    id: 'unresolved-reference',
    defaultSeverity: 'error',
    fixable: true,
    docs: {
      title: 'A reference to an id that is not declared',
      description:
        'References (a VM\'s host and datastore, a host\'s profile, a cable\'s ends, a rule\'s members) must name a declared element of the right kind; cable ends name a port as host/adapter/port or array/controller/port, or a switch. A dangling reference usually means a typo or a deleted element, and whatever depends on it is not analyzed. The quick fix picks the closest declared id.',
      sources: [FORMAT_DOC],
    },
  },
  'format-version': {
    id: 'format-version',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'The file declares a format version this VTopo does not read',
      description:
        'The first key, `vtopo:`, is the format version. This release reads version 1; a file written for another version may mean different things by the same keys, so it is reported rather than misread.',
      sources: [FORMAT_DOC],
    },
  },
  'input-limit': {
    id: 'input-limit',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'The file exceeds a safety limit',
      description:
        `To keep the editor responsive on hostile or broken input, VTopo refuses files over ${MAX_INPUT_CHARACTERS / 1048576} MB, reads at most ${grouped(READ_LIMITS.aliasedNodes)} YAML nodes through aliases in one file (an alias counts the nodes it stands for, each time it is read: one anchored 1,000-port adapter reused by 999 hosts would be a million ports; host profiles do not count), and reads at most ${READ_LIMITS.nestingDepth} levels of nesting. A real design stays far below all three; the limit names which one was hit. Numbers have bounds of their own, listed in the field reference of the format; a number out of them is an invalid value.`,
      sources: [FORMAT_DOC],
    },
  },
};
