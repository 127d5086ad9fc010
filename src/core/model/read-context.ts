/**
 * What reading a design keeps track of: the ids declared and referenced, the problems
 * found, the scope and template being read, the budgets that keep hostile input cheap, and
 * the entries kept for the next parse (reuse.ts). The readers of schema.ts take it along.
 */

import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node, type Pair } from 'yaml';
import { indexAliases, sizeOf, type AliasIndex } from './alias-index';
import { readDeferred } from './block-yaml';
import { ReuseAbandoned, type EntryLog, type ReadLists, type ReusedEntry } from './reuse';
import type { ParseProblem, QuickFix, RelatedLocation, StructuralRuleId } from './report';
import { rangeOf, type SourceRange } from './source';
import { nodeRange } from './schema-fields';
import { grouped } from '../text/plural';
import { READ_MESSAGES as READ, kindText } from './messages';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Kinds of element that can be declared with an id and referenced by it. */
export type ElementKind =
  | 'cluster'
  | 'hostProfile'
  | 'host'
  | 'adapter'
  | 'port'
  | 'vmkernelPort'
  | 'virtualSwitch'
  | 'portGroup'
  | 'switch'
  | 'array'
  | 'controller'
  | 'datastore'
  | 'vm'
  | 'guestCluster'
  | 'rule'
  | 'site'
  | 'rack'
  | 'chassis'
  | 'powerFeed'
  | 'siteLink';

/** What a reference may point at: an element kind, or a cable endpoint (a port or a switch). */
export type ReferenceTarget = ElementKind | 'endpoint';

export interface Reference {
  readonly target: ReferenceTarget;
  readonly id: string;
  readonly range: SourceRange;
  /** Id of the element whose text holds the reference. */
  readonly fromId: string | undefined;
}

export interface Declaration {
  readonly kind: ElementKind;
  readonly id: string;
  readonly idRange: SourceRange;
  readonly range: SourceRange;
  /**
   * Set on an element a host takes from its profile (an adapter, a port): the profile's id.
   * Its ranges are the profile's text, which every host of the profile shares.
   */
  readonly inheritedFrom?: string;
}

/** A template's keys as written: a host profile under `hostProfiles`, before it is read. */
interface TemplateSource {
  readonly pairs: ReadonlyArray<Pair<Node, Node>>;
  /** The whole entry, id and body: problems in it are reported once, on the template itself. */
  readonly range: SourceRange;
}

export interface Inheritance {
  /** Id of the template the pairs come from. */
  readonly from: string;
  readonly range: SourceRange;
}

/** Bounds that keep hostile input (alias bombs, deep nesting) cheap to reject. */
export const READ_LIMITS = {
  /**
   * YAML nodes (mappings, lists, scalars, keys included) one document may read through
   * aliases: each alias counts the nodes of the subtree it stands for, every time it is
   * read. What an alias costs is what it expands to, not the look-up: a 119 KB file with
   * one anchored 1,000-port adapter reused by 999 hosts would otherwise read a million
   * ports. Legitimate sharing stays far below: an anchored 4-port adapter (about 45 nodes)
   * reused by 48 hosts is 2,200, four anchored adapters on each of 48 hosts about 6,000,
   * a whole anchored host of about 200 nodes reused by 100 hosts 20,000. Reading 50,000
   * aliased nodes takes about 0.15 s (bench/hostile.ts). Host profiles, the format's own
   * way to share hardware, are not aliases and do not count.
   */
  aliasedNodes: 50_000,
  nestingDepth: 64,
} as const;

const NO_PAIRS: ReadonlyMap<Pair<Node, Node>, Inheritance> = new Map();

export class ReadContext {
  readonly problems: ParseProblem[] = [];
  readonly references: Reference[] = [];
  readonly declarations = new Map<string, Declaration>();
  /** Id of the element being read; nested ids are prefixed with it (`esx-01/hba1`). */
  scope: string | undefined;
  /** While a template is read on its own: its nested ids, kept out of the design's. */
  private templateDeclarations: Map<string, Declaration> | undefined;
  /** While pairs a mapping takes from a template are read: which template. */
  private inheritance: Inheritance | undefined;
  /** Pairs of the next mapping to be read that come from a template, with the template. */
  private inheritedPairs: ReadonlyMap<Pair<Node, Node>, Inheritance> = NO_PAIRS;
  /** Templates by section and id, found in the document the first time one is asked for. */
  private readonly templates = new Map<string, ReadonlyMap<string, TemplateSource>>();
  /** Problems are kept only if every filter accepts them. */
  private readonly filters: Array<(problem: ParseProblem) => boolean> = [];
  /** Built on the first alias read: yaml's own look-up walks the whole document for each alias. */
  private aliasIndex: AliasIndex | undefined;
  private aliasedNodes = 0;
  /** Set once the alias budget is spent: no alias is expanded after that. */
  private aliasBudgetSpent = false;
  /** Set while a reader handles an alias the budget refused: the one problem it reports about the missing value is left out. */
  private refusedAlias = false;
  private depth = 0;
  /** With a log: every declaration of the design, in order, so an entry's own can be kept. */
  private readonly declaredInOrder: Declaration[] = [];
  /** What entries kept for the next parse hold spans of. */
  private readonly lists: ReadLists = { declared: this.declaredInOrder, references: this.references, problems: this.problems };
  /** How many values were read from a template: an entry that read one is not kept. */
  private templateReads = 0;

  constructor(
    readonly document: Document,
    /** The source text, to read plain scalars as written (`01` stays "01", not 1). */
    readonly text: string,
    /** Where the entries of top-level sections are kept for the next parse (reuse.ts), if they are. */
    readonly log?: EntryLog,
  ) {}

  /**
   * A scalar as the id or name it spells: plain numbers keep their spelling, so `01` and
   * `1e3` are not turned into 1 and 1000. Undefined for non-scalars and empty values.
   */
  scalarText(node: Node | null | undefined): string | undefined {
    if (!node || !isScalar(node) || node.value === null) return undefined;
    if (typeof node.value === 'string') return node.value;
    if (node.type === 'PLAIN' && node.range) return this.text.slice(node.range[0], node.range[1]);
    return String(node.value);
  }

  report(
    ruleId: StructuralRuleId,
    message: string,
    range: SourceRange,
    extra: { related?: RelatedLocation[]; fixes?: QuickFix[]; elementIds?: string[] } = {},
  ): void {
    const problem: ParseProblem = {
      ruleId,
      message,
      range,
      elementIds: extra.elementIds ?? (this.scope ? [this.scope] : []),
      ...(extra.related ? { related: extra.related } : {}),
      ...(extra.fixes ? { fixes: extra.fixes } : {}),
    };
    if (this.refusedAlias && ruleId !== 'input-limit') {
      // "expected a mapping, found nothing" for a value the input limit already explained.
      this.refusedAlias = false;
      return;
    }
    if (this.filters.every((keep) => keep(problem))) this.problems.push(problem);
  }

  /** Reads with problems that `keep` rejects left out. */
  filtered<T>(keep: (problem: ParseProblem) => boolean, read: () => T): T {
    this.filters.push(keep);
    try {
      return read();
    } finally {
      this.filters.pop();
    }
  }

  /**
   * Follows an alias (`*name`) to the node it stands for, within the document's budget of
   * aliased nodes (READ_LIMITS.aliasedNodes), so that an alias bomb stays cheap. The alias
   * that crosses the budget is reported once, naming the limit; it and every later alias
   * read as absent, without a further problem each.
   */
  resolve(raw: Node | null | undefined): Node | null | undefined {
    if (!raw) return raw;
    // An entry's value the fast reader left to be read when asked for (block-yaml.ts).
    const node = readDeferred(raw);
    this.refusedAlias = false;
    if (!isAlias(node)) return node;
    if (this.aliasBudgetSpent) {
      this.refusedAlias = true;
      return undefined;
    }
    const target = this.aliasTarget(node);
    if (!target) return undefined;
    this.aliasedNodes += sizeOf(target, this.indexedAliases().sizes);
    if (this.aliasedNodes > READ_LIMITS.aliasedNodes) {
      this.aliasBudgetSpent = true;
      this.report(
        'input-limit',
        READ.aliasBudget({ limit: grouped(READ_LIMITS.aliasedNodes) }),
        nodeRange(node),
      );
      this.refusedAlias = true;
      return undefined;
    }
    return target;
  }

  /** The node an alias stands for, not counted against the budget (for the shallow look-up of templates). */
  aliasTarget(alias: Alias): Node | undefined {
    const { targets } = this.indexedAliases();
    if (targets.has(alias)) return targets.get(alias);
    // An alias made outside the document (none is, today): yaml's own look-up.
    const found = alias.resolve(this.document) as Node | undefined;
    return found && !isAlias(found) ? found : undefined;
  }

  private indexedAliases(): AliasIndex {
    this.aliasIndex ??= indexAliases(this.document);
    return this.aliasIndex;
  }

  nested<T>(range: SourceRange, read: () => T): T | undefined {
    if (this.depth >= READ_LIMITS.nestingDepth) {
      this.report('input-limit', READ.nestingLimit({ limit: READ_LIMITS.nestingDepth }), range);
      return undefined;
    }
    this.depth++;
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  declare(declaration: Declaration): boolean {
    const declarations = this.templateDeclarations ?? this.declarations;
    const existing = declarations.get(declaration.id);
    if (existing) {
      this.report('duplicate-id', READ.duplicateId({ id: declaration.id, kind: kindText(existing.kind) }), declaration.idRange, {
        related: [{ message: READ.firstDeclaredAs({ kind: kindText(existing.kind) }), range: existing.idRange }],
        elementIds: [declaration.id],
      });
      return false;
    }
    const declared = this.inheritance ? { ...declaration, inheritedFrom: this.inheritance.from } : declaration;
    declarations.set(declaration.id, declared);
    if (this.log && !this.templateDeclarations) this.declaredInOrder.push(declared);
    return true;
  }

  /** How far the reading has got: where an entry's problems, references and declarations start. */
  mark(): ReadMark {
    return { problems: this.problems.length, references: this.references.length, declared: this.declaredInOrder.length, templateReads: this.templateReads };
  }

  /** Whether entries of this collection are kept for the next parse: those of the design's top-level sections, but host profiles (hosts read them). */
  keepsEntries(kind: ElementKind): boolean {
    return this.log !== undefined && this.scope === undefined && this.templateDeclarations === undefined && kind !== 'hostProfile';
  }

  /** Keeps what reading one entry gave, from `mark` (taken after its id was declared) on, unless it read a template. */
  keepEntry(kind: ElementKind, declaration: Declaration, declared: boolean, mark: ReadMark, node: Node | null, start: number, value: object | undefined): void {
    const end = node?.range?.[2];
    if (!this.log || end === undefined || this.templateReads !== mark.templateReads) return;
    this.log.record({ kind, declared, declaration, value }, this.lists, {
      nested: mark.declared,
      nestedEnd: this.declaredInOrder.length,
      references: mark.references,
      referencesEnd: this.references.length,
      problems: mark.problems,
      problemsEnd: this.problems.length,
    }, start, end);
  }

  /**
   * Takes back an entry the reader skipped: declares its id again (which reports a duplicate
   * as reading would), then its nested ids, references and problems as the last parse found
   * them, moved by the edit. Returns its value. Abandons the parse when the result would
   * not be what reading it gives.
   */
  takeBack(reused: ReusedEntry, kind: ElementKind): object | undefined {
    if (!this.log || reused.entry.kind !== kind || !this.keepsEntries(kind)) throw new ReuseAbandoned('an entry met outside its section');
    const entry = this.log.takeBack(reused);
    if (this.declare(entry.declaration) !== entry.declared) throw new ReuseAbandoned('its id is declared otherwise now');
    // A duplicate read nothing more: its spans are empty, and it now refers to this parse's lists too.
    entry.copyInto(this.lists, (declaration) => {
      if (this.declarations.has(declaration.id)) throw new ReuseAbandoned('a nested id is declared already');
      this.declarations.set(declaration.id, declaration);
    });
    return entry.declared ? entry.value : undefined;
  }

  /**
   * Reads a template on its own (a host profile): its problems are reported here, once,
   * and its nested ids (`r750/hba1`) are checked among themselves but are not ids of the
   * design: each host that takes the template declares its own (`esx-01/hba1`).
   */
  inTemplate<T>(read: () => T): T {
    const previous = this.templateDeclarations;
    this.templateDeclarations = new Map();
    try {
      return read();
    } finally {
      this.templateDeclarations = previous;
    }
  }

  /** The template `id` of a top-level section (`hostProfiles`), as written, if the file has it. */
  templateOf(section: string, id: string): TemplateSource | undefined {
    let found = this.templates.get(section);
    if (!found) {
      found = findTemplates(this, section);
      this.templates.set(section, found);
    }
    return found.get(id);
  }

  /** Reads a mapping of which `pairs` come from a template (see `object`). */
  withInheritedPairs<T>(pairs: ReadonlyMap<Pair<Node, Node>, Inheritance>, read: () => T): T {
    this.inheritedPairs = pairs;
    try {
      return read();
    } finally {
      this.inheritedPairs = NO_PAIRS;
    }
  }

  /** For the mapping about to be read: which of its pairs come from a template. Mappings nested in it take none. */
  takeInheritedPairs(): ReadonlyMap<Pair<Node, Node>, Inheritance> {
    const pairs = this.inheritedPairs;
    this.inheritedPairs = NO_PAIRS;
    return pairs;
  }

  /**
   * Reads a value taken from a template. Its problems were reported when the template
   * itself was read, so they are left out here, except a clash of the ids it declares with
   * the element's own (an adapter named like a VMkernel port) and the input limits.
   * Declarations made meanwhile record the template.
   */
  inheriting<T>(inheritance: Inheritance, read: () => T): T {
    this.templateReads++;
    const previous = this.inheritance;
    this.inheritance = inheritance;
    const keep = (problem: ParseProblem) =>
      problem.ruleId === 'input-limit' || (problem.ruleId === 'duplicate-id' && !within(problem.related?.[0]?.range, inheritance.range));
    try {
      return this.filtered(keep, read);
    } finally {
      this.inheritance = previous;
    }
  }

  withScope<T>(scope: string, read: () => T): T {
    const previous = this.scope;
    this.scope = scope;
    try {
      return read();
    } finally {
      this.scope = previous;
    }
  }
}

/** Where the reading had got: the lengths of what it had found. */
interface ReadMark {
  readonly problems: number;
  readonly references: number;
  readonly declared: number;
  readonly templateReads: number;
}

function within(inner: SourceRange | undefined, outer: SourceRange): boolean {
  return inner !== undefined && outer.start <= inner.start && inner.end <= outer.end;
}

/** Follows an alias without counting it: for the shallow look-up of templates. */
function followAlias(raw: Node | null | undefined, ctx: ReadContext): Node | null | undefined {
  const node = raw && readDeferred(raw);
  return node && isAlias(node) ? ctx.aliasTarget(node) : node;
}

/**
 * The entries of a top-level section as written (a mapping keyed by id, or a list with
 * `id:` keys), for mappings that take keys from them before the section is read. The first
 * entry of an id wins, as when the section is read; invalid ids are left out.
 */
function findTemplates(ctx: ReadContext, section: string): ReadonlyMap<string, TemplateSource> {
  const templates = new Map<string, TemplateSource>();
  const root = followAlias(ctx.document.contents as Node | null, ctx);
  if (!root || !isMap(root)) return templates;
  const sectionPair = (root.items as Pair<Node, Node>[]).find((pair) => isPair(pair) && ctx.scalarText(pair.key) === section);
  const body = followAlias(sectionPair?.value, ctx);
  const add = (id: string | undefined, node: Node | null | undefined, range: SourceRange) => {
    if (id === undefined || !ID_PATTERN.test(id) || templates.has(id)) return;
    const value = followAlias(node, ctx);
    const pairs = value && isMap(value) ? (value.items as Pair<Node, Node>[]).filter(isPair) : [];
    templates.set(id, { pairs, range });
  };
  if (body && isMap(body)) {
    for (const pair of body.items as Pair<Node, Node>[]) {
      const keyRange = nodeRange(pair.key);
      add(ctx.scalarText(pair.key), pair.value, rangeOf(keyRange.start, nodeRange(pair.value, keyRange).end));
    }
  } else if (body && isSeq(body)) {
    for (const item of body.items as Node[]) {
      const entry = followAlias(item, ctx);
      if (!entry || !isMap(entry)) continue;
      const pairs = (entry.items as Pair<Node, Node>[]).filter(isPair);
      const idPair = pairs.find((pair) => isScalar(pair.key) && pair.key.value === 'id');
      if (!idPair) continue;
      const id = ctx.scalarText(followAlias(idPair.value, ctx));
      if (id === undefined || !ID_PATTERN.test(id) || templates.has(id)) continue;
      templates.set(id, { pairs: pairs.filter((pair) => !(isScalar(pair.key) && pair.key.value === 'id')), range: nodeRange(entry) });
    }
  }
  return templates;
}
