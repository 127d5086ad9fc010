/** The platform rules (see docs/rules.md): limits per release, HA minimums, storage protocols, live migration, editions, sprawl. */

import type { AnalysisRule } from '../../rule';
import { clusterSizeLimit } from './cluster-size-limit';
import { drsEdition } from './drs-edition';
import { editionNoLiveMigration } from './edition-no-live-migration';
import { freeEdition } from './free-edition';
import { haMinimumHosts } from './ha-minimum-hosts';
import { haSingleHost } from './ha-single-host';
import { hostVmLimit } from './host-vm-limit';
import { migrationCpuCompatibility } from './migration-cpu-compatibility';
import { migrationCpuVendor } from './migration-cpu-vendor';
import { migrationNetwork } from './migration-network';
import { storageProtocolMismatch } from './storage-protocol-mismatch';
import { storageProtocolPlatform } from './storage-protocol-platform';
import { vmSprawl } from './vm-sprawl';

export const PLATFORM_RULES: readonly AnalysisRule[] = [
  clusterSizeLimit,
  hostVmLimit,
  haSingleHost,
  haMinimumHosts,
  storageProtocolPlatform,
  storageProtocolMismatch,
  migrationCpuVendor,
  migrationCpuCompatibility,
  migrationNetwork,
  freeEdition,
  editionNoLiveMigration,
  drsEdition,
  vmSprawl,
];
