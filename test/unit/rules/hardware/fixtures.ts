/** The example designs the hardware rule tests vary (with edited() from ../rule-test.ts). */

import { readFileSync } from 'node:fs';

/** The array vendor white paper's dual-fabric (docs/design/sources.md#seed-000) FC design: two hosts, two identical 2 x 16 Gb FC HBAs each. */
export const FC_DESIGN = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
/** Software iSCSI with port binding, two subnets, jumbo frames end to end. */
export const ISCSI_DESIGN = readFileSync('examples/iscsi-av100-g6.vtopo', 'utf8');
