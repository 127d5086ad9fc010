/**
 * The texts of the structural rules (what the reader reports: syntax, unknown keys, invalid
 * values, missing fields, duplicate ids, unresolved references, the format version, the
 * input limits), by id (docs/l10n.md), each catalog under the rule that reports it. The
 * reader's modules ask for them here, so that schema.ts keeps to its size.
 */

import { defineMessages } from '../l10n/messages';
import type { ReferenceTarget } from './schema';

export const PARSE_MESSAGES = {
  ...defineMessages('syntax.parse', {
    couldNotRead: 'could not read this file: {error}',
    /** A syntax error as the yaml library words it (English only: the library has no translations). */
    yamlError: '{detail}',
    crOnly: 'the file uses CR-only line endings (old Mac style), which YAML does not read as line breaks: save it with LF or CRLF line endings',
    convertLineEndings: 'Convert the line endings to LF',
  }),
  ...defineMessages('missing-field.parse', {
    emptyDesign: 'empty design: a .vtopo file starts with "vtopo: {version}"',
    startNewDesign: 'Start a new design',
    missingVersion: 'missing "vtopo: {version}": the first key of a design names its format version',
    addVersion: 'Add "vtopo: {version}"',
  }),
  ...defineMessages('input-limit.parse', {
    tooLarge: 'file is too large to analyze ({size} MB; the limit is {limit} MB)',
    tooDeep: 'nesting is too deep to read; the rest of this structure is ignored',
  }),
  ...defineMessages('format-version', {
    otherVersion: 'this is format version {found}; this VTopo reads version {version}',
  }),
};

export const REFERENCE_MESSAGES = {
  ...defineMessages('unresolved-reference', {
    isA: '"{id}" is a {kind}, not a {what}',
    isAn: '"{id}" is an {kind}, not a {what}',
    unknown: 'unknown {what} "{id}"',
    unknownSuggest: 'unknown {what} "{id}". Did you mean "{suggestion}"?',
    unknownExplained: 'unknown {what} "{id}" ({explanation})',
    unknownExplainedSuggest: 'unknown {what} "{id}" ({explanation}). Did you mean "{suggestion}"?',
    profilePort: 'host profile "{profile}" is not a host: name the port of a host that takes it',
    profilePortExample: 'host profile "{profile}" is not a host: name the port of a host that takes it, such as "{example}"',
    profileAdapter: 'host profile "{profile}" is not a host: name the adapter of a host that takes it',
    profileAdapterExample: 'host profile "{profile}" is not a host: name the adapter of a host that takes it, such as "{example}"',
    parentHasNo: '{kind} "{parent}" has no "{segment}"',
    changeTo: 'Change to "{suggestion}"',
  }),
};

export const READ_MESSAGES = {
  ...defineMessages('input-limit.read', {
    aliasBudget: 'aliases in this file expand to more than {limit} YAML nodes (the limit per file); this alias and every later one are not read. To share hardware between hosts, use host profiles',
    nestingLimit: 'nesting deeper than {limit} levels is not read',
  }),
  ...defineMessages('duplicate-id', {
    duplicateId: 'duplicate id "{id}": already used by a {kind}',
    firstDeclaredAs: 'first declared here as a {kind}',
  }),
  ...defineMessages('unknown-key.read', {
    unknownKey: 'unknown key "{key}"',
    unknownKeySuggest: 'unknown key "{key}". Did you mean "{suggestion}"?',
    renameTo: 'Rename to "{suggestion}"',
  }),
  ...defineMessages('syntax.read', {
    givenTwice: '"{key}" is given twice',
    sameThing: '"{key}" and "{earlier}" say the same thing; keep one',
    firstGivenHere: 'first given here',
  }),
  ...defineMessages('missing-field.read', {
    missingKey: 'missing required key "{key}"',
    missingKeyOr: 'missing required key "{key}" (or {canonical})',
    missingIdKey: 'missing required key "id" for this {kind}',
  }),
  ...defineMessages('invalid-value.read', {
    expectedMapping: 'expected a mapping of keys to values, found {found}',
    plainKeys: 'keys must be plain names',
    expectedList: 'expected a list, found {found}',
    expectedRecord: 'expected a mapping of {keyName} to values, found {found}',
    expectedKeyName: 'expected a {keyName}',
    expectedKindId: 'expected a {kind} id',
    expectedKindWithId: 'expected a {kind} with an "id:" key, found {found}',
    expectedCollection: 'expected {kind}s as a mapping keyed by id or a list, found {found}',
    invalidId: '"{id}" is not a valid id: ids start with a letter or digit and use only letters, digits, ".", "_" and "-"',
  }),
};

export const VALUE_MESSAGES = {
  ...defineMessages('invalid-value.values', {
    nothing: 'nothing',
    aMapping: 'a mapping',
    aList: 'a list',
    anAlias: 'an alias',
    quoted: '"{text}"',
    expectedText: 'expected text, found {found}',
    notValid: '"{value}" is not valid: {hint}',
    expectedPattern: '"{value}" is not valid: expected {pattern}',
    expectedWholeNumber: 'expected a whole number, found {found}',
    expectedNumber: 'expected a number, found {found}',
    outOfRange: '{value} is out of range ({min} to {max})',
    expectedBoolean: 'expected true or false, found {found}',
    expectedOneOf: 'expected one of {values}; found {found}',
    expectedOneOfSuggest: 'expected one of {values}; found {found}. Did you mean "{suggestion}"?',
    expectedDate: 'expected a date like 2026-01-31, found {found}',
    outOfRangeIn: '{value} is out of range ({min} to {max} {unit})',
    outOfRangeConverted: '{value} ({converted}) is out of range ({min} to {max} {unit})',
    expectedNumberOf: 'expected a number of {unit}, found {found}',
    noUnit: '{value} has no unit: write it as "{value} {unit}" or use a key with the unit in its name',
    expectedQuantity: 'expected a {dimension} such as "{example}", found {found}',
    expectedId: 'expected the id of a {target}, found {found}',
    expectedWithUnit: 'expected a {dimension} with a unit, such as "{example}"',
    unknownUnit: 'unknown {dimension} unit "{unit}"; use one of {units}',
    expectedRuleOption: 'expected a number for rule option "{key}"',
    linkEnds: 'a link joins exactly two endpoints; found {count}',
    expectedLink: 'expected a link as [from, to] or { from, to }',
    expectedPosition: 'expected a position as [x, y] or { x, y }',
    positionOutOfRange: 'position ({x}, {y}) is out of range (-{bound} to {bound} on each axis)',
  }),
};

/** The kinds of element as the reader's messages name them (the format's own words: `hostProfile`). */
const KINDS = defineMessages('model.kinds', {
  cluster: 'cluster',
  hostProfile: 'hostProfile',
  host: 'host',
  adapter: 'adapter',
  port: 'port',
  vmkernelPort: 'vmkernelPort',
  virtualSwitch: 'virtualSwitch',
  portGroup: 'portGroup',
  switch: 'switch',
  array: 'array',
  controller: 'controller',
  datastore: 'datastore',
  vm: 'vm',
  guestCluster: 'guestCluster',
  rule: 'rule',
  site: 'site',
  rack: 'rack',
  chassis: 'chassis',
  powerFeed: 'powerFeed',
  siteLink: 'siteLink',
  endpoint: 'endpoint',
  portOrSwitch: 'port or switch',
});

/** A kind of element (or a reference's target) in the reader's messages; `endpoint` as "port or switch" when `endpointAs` says so. */
export function kindText(kind: ReferenceTarget, endpointAs: 'endpoint' | 'portOrSwitch' = 'endpoint'): string {
  return kind === 'endpoint' ? KINDS[endpointAs]({}) : KINDS[kind]({});
}

const DIMENSION_NAMES = defineMessages('model.dimensions', {
  data: 'data',
  frequency: 'frequency',
  bandwidth: 'bandwidth',
  throughput: 'throughput',
  duration: 'duration',
});

/** A dimension (`data`, `duration`) as the messages about units name it. */
export function dimensionText(dimension: keyof typeof DIMENSION_NAMES): string {
  return DIMENSION_NAMES[dimension]({});
}

const KEY_NAMES = defineMessages('model.key-names', {
  ruleId: 'rule id',
  elementId: 'element id',
});

/** The keys of a free mapping (`rule id`, `element id`) in messages; a name without a translation as written. */
export function keyNameText(keyName: string): string {
  if (keyName === 'rule id') return KEY_NAMES.ruleId({});
  if (keyName === 'element id') return KEY_NAMES.elementId({});
  return keyName;
}

/** Why a host profile does not take a key (format.ts, `hostProfiles`). */
export const PROFILE_REFUSED = defineMessages('unknown-key.host-profile', {
  cluster: '"cluster" cannot be in a host profile: a profile says what a server is, not where it belongs; give it on each host',
  state: '"state" cannot be in a host profile: it is the state of one host; give it on each host',
  vmkernelPorts: '"vmkernelPorts" cannot be in a host profile: VMkernel ports name their uplinks by full port id (esx-01/nic1/p0), which differs from host to host; give it on each host',
  virtualSwitches: '"virtualSwitches" cannot be in a host profile: virtual switches name their uplinks by full port id (esx-01/nic1/p0), which differs from host to host; give it on each host',
  site: '"site" cannot be in a host profile: it is where one host stands; give it on each host',
  rack: '"rack" cannot be in a host profile: it is where one host stands; give it on each host',
  chassis: '"chassis" cannot be in a host profile: it is where one host stands; give it on each host',
  power: '"power" cannot be in a host profile: it names the feeds one host\'s supplies are plugged into; give it on each host',
  profile: '"profile" cannot be in a host profile: profiles do not build on one another; write the shared fields into this one',
});
