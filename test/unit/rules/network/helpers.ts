/** Designs for the network (LAN) rule tests without a LAN, or with one switch (run them with ../rule-test.ts). */

import { lanDesign } from '../../lan/fixtures';

/** The three-host design whose hosts say nothing about their LAN: Ethernet ports without roles, no VMkernel port or virtual switch. */
export const NO_LAN_DESIGN = lanDesign({ hostLan: '' });

/** The default design with every LAN cable going to switch lan-1. */
export const ONE_SWITCH_DESIGN = lanDesign({ lanLinks: ['[HOST/nic1/p0, lan-1]', '[HOST/nic1/p1, lan-1]', '[HOST/nic2/p0, lan-1]', '[HOST/nic2/p1, lan-1]'] });
