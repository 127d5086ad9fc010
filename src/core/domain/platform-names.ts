/** What each platform calls its features, for messages from the rules and the simulator. */

import type { Platform } from '../model/format';

/** What each platform calls live migration, for messages. */
export const LIVE_MIGRATION_NAMES: Readonly<Record<Platform, string>> = {
  vsphere: 'vMotion',
  hyperv: 'Live Migration',
  xenserver: 'live migration (XenMotion)',
  proxmox: 'live migration',
};

/** What each platform calls a CPU compatibility baseline, for messages. */
export const CPU_BASELINE_NAMES: Readonly<Record<Platform, string>> = {
  vsphere: 'an EVC mode',
  hyperv: 'processor compatibility',
  xenserver: 'a heterogeneous-pool CPU mask',
  proxmox: 'a common CPU type (e.g. x86-64-v2)',
};
