/** The placement rules (see docs/rules.md). */

import type { AnalysisRule } from '../../rule';

export const PLACEMENT_RULES: readonly AnalysisRule[] = [];
