/** Quick-fix edits of a cluster's `ha:` settings, shared by the network rules. */

import { setField } from '../../../edit/yaml-edits';
import type { TextEdit } from '../../../model/report';
import type { Cluster } from '../../../model/topology';

/** `ha.<key>: <value>` on a cluster: edits the key, adds it under `ha:`, or adds `ha: { key: value }` when the cluster has no `ha:`. */
export function haFieldEdit(text: string, cluster: Cluster, key: string, value: string): TextEdit {
  if (cluster.source.fields.ha) return setField(text, cluster.ha.source, key, value);
  return setField(text, cluster.source, 'ha', `{ ${key}: ${value} }`);
}
