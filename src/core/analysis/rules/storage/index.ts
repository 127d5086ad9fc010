/** The storage rules (see docs/rules.md). */

import type { AnalysisRule } from '../../rule';
import { controllerSingleFabric } from './controller-single-fabric';
import { datastoreNotPresented } from './datastore-not-presented';
import { datastoreUnreachable } from './datastore-unreachable';
import { fabricsJoined } from './fabrics-joined';
import { hostPortsSameSwitch } from './host-ports-same-switch';
import { singleStorageAdapter } from './single-storage-adapter';
import { storagePathSpof } from './storage-path-spof';

export const STORAGE_RULES: readonly AnalysisRule[] = [
  storagePathSpof,
  datastoreUnreachable,
  fabricsJoined,
  hostPortsSameSwitch,
  singleStorageAdapter,
  controllerSingleFabric,
  datastoreNotPresented,
];
