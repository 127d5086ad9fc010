/** What the LAN rule tests share: the rule's findings on a design, the text under a finding, and a design without any LAN. */

import { parseVtopo } from '../../../../src/core/model/parse';
import type { Report } from '../../../../src/core/model/report';
import type { AnalysisRule } from '../../../../src/core/analysis/rule';
import { lanDesign } from '../../lan/fixtures';

export { at, findingsOf } from '../platform/design';

/** The rule's reports with the document text in the context (quick fixes included). */
export function reportsOf(rule: AnalysisRule, text: string): Report[] {
  return [...rule.check({ topology: parseVtopo(text).topology, option: () => 0, today: '2025-01-01', text })];
}

/** The three-host design whose hosts say nothing about their LAN: Ethernet ports without roles, no VMkernel port or virtual switch. */
export const NO_LAN_DESIGN = lanDesign({ hostLan: '' });

/** The default design with every LAN cable going to switch lan-1. */
export const ONE_SWITCH_DESIGN = lanDesign({ lanLinks: ['[HOST/nic1/p0, lan-1]', '[HOST/nic1/p1, lan-1]', '[HOST/nic2/p0, lan-1]', '[HOST/nic2/p1, lan-1]'] });
