/**
 * The rules for imported inventories (see docs/import.md): what an export proves about
 * storage paths, and a single note of what it cannot say (the cabling).
 */

import type { AnalysisRule } from '../../rule';
import { cablingUnknown } from './cabling-unknown';
import { lunSinglePath } from './lun-single-path';

export const INVENTORY_RULES: readonly AnalysisRule[] = [lunSinglePath, cablingUnknown];
