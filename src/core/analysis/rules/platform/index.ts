/** The platform rules (see docs/rules.md). */

import type { AnalysisRule } from '../../rule';

export const PLATFORM_RULES: readonly AnalysisRule[] = [];
