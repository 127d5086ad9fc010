/** The hardware rules (see docs/rules.md). */

import type { AnalysisRule } from '../../rule';

export const HARDWARE_RULES: readonly AnalysisRule[] = [];
