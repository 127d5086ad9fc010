/** The capacity rules (see docs/rules.md). */

import type { AnalysisRule } from '../../rule';

export const CAPACITY_RULES: readonly AnalysisRule[] = [];
