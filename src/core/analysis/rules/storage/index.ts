/** The storage rules (see docs/rules.md). */

import type { AnalysisRule } from '../../rule';

export const STORAGE_RULES: readonly AnalysisRule[] = [];
