/** What each platform calls its features, for messages from the rules and the simulator. */

import { defineMessages } from '../l10n/messages';
import type { Platform } from '../model/format';

/** What each platform calls live migration, for messages (English; `liveMigrationName` gives it in the user's language). */
export const LIVE_MIGRATION_NAMES = {
  vsphere: 'vMotion',
  hyperv: 'Live Migration',
  xenserver: 'live migration (XenMotion)',
  proxmox: 'live migration',
} as const satisfies Readonly<Record<Platform, string>>;

/** What each platform calls a CPU compatibility baseline, for messages (English; `cpuBaselineName` gives it in the user's language). */
export const CPU_BASELINE_NAMES = {
  vsphere: 'an EVC mode',
  hyperv: 'processor compatibility',
  xenserver: 'a heterogeneous-pool CPU mask',
  proxmox: 'a common CPU type (e.g. x86-64-v2)',
} as const satisfies Readonly<Record<Platform, string>>;

const LIVE_MIGRATION = defineMessages('platform-names.live-migration', LIVE_MIGRATION_NAMES);
const CPU_BASELINE = defineMessages('platform-names.cpu-baseline', CPU_BASELINE_NAMES);

/** What the platform calls live migration, in the user's language: `vMotion`, `live migration`. */
export function liveMigrationName(platform: Platform): string {
  return LIVE_MIGRATION[platform]({});
}

/** What the platform calls a CPU compatibility baseline, in the user's language: `an EVC mode`. */
export function cpuBaselineName(platform: Platform): string {
  return CPU_BASELINE[platform]({});
}
