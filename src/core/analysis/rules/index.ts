/** The rule catalog: the one list of every rule, structural and analytical, by family. */

import type { StructuralRuleId } from '../../model/report';
import type { AnalysisRule, RuleMeta } from '../rule';
import { arraySingleController } from './array-single-controller';
import { CAPACITY_RULES } from './capacity';
import { DOMAIN_RULES } from './domains';
import { HARDWARE_RULES } from './hardware';
import { INVENTORY_RULES } from './inventory';
import { NETWORK_RULES } from './network';
import { PLACEMENT_RULES } from './placement';
import { PLATFORM_RULES } from './platform';
import { STORAGE_RULES } from './storage';
import { STRUCTURAL_RULES } from './structural';
import { vmLocalDatastore } from './vm-local-datastore';

export const ANALYSIS_RULES: readonly AnalysisRule[] = [
  arraySingleController,
  vmLocalDatastore,
  ...STORAGE_RULES,
  ...HARDWARE_RULES,
  ...CAPACITY_RULES,
  ...PLACEMENT_RULES,
  ...PLATFORM_RULES,
  ...NETWORK_RULES,
  ...INVENTORY_RULES,
  ...DOMAIN_RULES,
];

/** Where a rule belongs: the area of the design it judges (the design review groups findings by it). */
export type RuleFamily = 'file' | 'storage' | 'hardware' | 'capacity' | 'placement' | 'platform' | 'network' | 'inventory' | 'domains';

/** The families in the order a review reads them, each with its rules. */
export const RULE_FAMILIES: readonly { readonly family: RuleFamily; readonly rules: readonly RuleMeta[] }[] = [
  { family: 'file', rules: Object.values(STRUCTURAL_RULES) },
  { family: 'storage', rules: [arraySingleController, vmLocalDatastore, ...STORAGE_RULES].map((rule) => rule.meta) },
  { family: 'network', rules: NETWORK_RULES.map((rule) => rule.meta) },
  { family: 'domains', rules: DOMAIN_RULES.map((rule) => rule.meta) },
  { family: 'capacity', rules: CAPACITY_RULES.map((rule) => rule.meta) },
  { family: 'placement', rules: PLACEMENT_RULES.map((rule) => rule.meta) },
  { family: 'platform', rules: PLATFORM_RULES.map((rule) => rule.meta) },
  { family: 'hardware', rules: HARDWARE_RULES.map((rule) => rule.meta) },
  { family: 'inventory', rules: INVENTORY_RULES.map((rule) => rule.meta) },
];

export const ALL_RULES: readonly RuleMeta[] = [
  ...Object.values(STRUCTURAL_RULES),
  ...ANALYSIS_RULES.map((rule) => rule.meta),
];

export function ruleMeta(id: string): RuleMeta | undefined {
  return ALL_RULES.find((meta) => meta.id === id);
}

export function structuralMeta(id: StructuralRuleId): RuleMeta {
  return STRUCTURAL_RULES[id];
}
