/**
 * What a rule reads of a design, recorded as it runs: the rule gets the topology behind a
 * proxy that notes each section (top-level key) asked for, directly, through a lookup such
 * as `host(id)` or through `file`. The design is parsed afresh for each recording, so the
 * helpers' caches (kept per topology) are filled by this rule alone and their reads count.
 * A rule's `reads` must cover what is recorded (incremental.ts reuses its reports on that
 * promise); anything the proxy cannot place is recorded as itself and fails the check.
 */

import { ruleOption, type AnalysisOptions } from '../../../src/core/analysis/engine';
import type { AnalysisRule } from '../../../src/core/analysis/rule';
import { parseVtopo } from '../../../src/core/model/parse';
import type { Topology } from '../../../src/core/model/topology';

/** What each member of Topology reads, as sections; `*` for the whole design. */
const MEMBER_SECTIONS: Readonly<Record<string, readonly string[]>> = {
  platform: ['platform'],
  clusters: ['clusters'],
  hostProfiles: ['hostProfiles'],
  hosts: ['hosts'],
  switches: ['switches'],
  distributedSwitches: ['distributedSwitches'],
  arrays: ['arrays'],
  datastores: ['datastores'],
  links: ['links'],
  vms: ['vms'],
  guestClusters: ['guestClusters'],
  rules: ['rules'],
  sites: ['sites'],
  racks: ['racks'],
  chassis: ['chassis'],
  powerFeeds: ['powerFeeds'],
  siteLinks: ['siteLinks'],
  cluster: ['clusters'],
  host: ['hosts'],
  hostProfile: ['hostProfiles'],
  datastore: ['datastores'],
  storageArray: ['arrays'],
  networkSwitch: ['switches'],
  vm: ['vms'],
  // A file with one cluster puts every host in it.
  clusterOfHost: ['clusters'],
  hostsInCluster: ['hosts', 'clusters'],
  vmsOnHost: ['vms'],
  isLocalDatastore: [],
  declarations: ['*'],
  references: ['*'],
};

/** The sections `rule` reads when it runs on `text`. */
export function recordedReads(text: string, rule: AnalysisRule, options: AnalysisOptions & { readonly today?: string } = {}): Set<string> {
  const { topology } = parseVtopo(text);
  const reads = new Set<string>();
  const note = (sections: readonly string[]) => sections.forEach((section) => reads.add(section));
  const recording = new Proxy(topology, {
    get(target, member, receiver) {
      if (typeof member === 'symbol') return Reflect.get(target, member, receiver);
      if (member === 'file') return target.file && fileRecorder(target.file, note);
      note(MEMBER_SECTIONS[member] ?? [`topology.${member}`]);
      const value: unknown = Reflect.get(target, member, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Topology;
  const option = (name: string): number => ruleOption(topology, options, rule.meta, name);
  const today = topology.file?.analysis?.asOf ?? options.today ?? '2026-01-01';
  // Reports are made lazily: run the rule to its end.
  Array.from(rule.check({ topology: recording, option, today, text }));
  return reads;
}

/** The file behind a proxy: `file.hosts` reads `hosts`, `file.source.fields.links` reads `links`, `file.source.range` the whole file. */
function fileRecorder<T extends object>(file: T, note: (sections: readonly string[]) => void): T {
  return new Proxy(file, {
    ownKeys(target) {
      note(['*']);
      return Reflect.ownKeys(target);
    },
    get(target, key, receiver) {
      if (typeof key === 'symbol') return Reflect.get(target, key, receiver);
      const value: unknown = Reflect.get(target, key, receiver);
      if (key !== 'source' || value === null || typeof value !== 'object') {
        note([key]);
        return value;
      }
      return new Proxy(value, {
        get(source, part) {
          // The source itself as the receiver: what its `fields` getter reads of it is not the rule's reading.
          const inner: unknown = Reflect.get(source, part, source);
          if (part !== 'fields' || inner === null || typeof inner !== 'object') {
            note(['*']);
            return inner;
          }
          return new Proxy(inner, {
            get(fields, section, fieldsReceiver) {
              if (typeof section === 'string') note([section]);
              return Reflect.get(fields, section, fieldsReceiver);
            },
          });
        },
      });
    },
  });
}

/** The sections a rule may read: what it says, and `analysis`, which every rule may. */
export function allowedReads(rule: AnalysisRule): ReadonlySet<string> {
  return new Set<string>([...(rule.reads ?? []), 'analysis']);
}
