import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../../src/core/analysis/rules';
import { linkDesignNotes, parseSourceEntry, sourceEntryMarkdown } from '../../../src/core/analysis/sources';

/** Heading anchors of a Markdown file as GitHub renders them, plus explicit `<a id>` / `<a name>` anchors. */
function anchorsOf(path: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | undefined;
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const fenceMark = /^\s*(```|~~~)/.exec(line)?.[1];
    if (fenceMark !== undefined) {
      if (fence === undefined) fence = fenceMark;
      else if (fence === fenceMark) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    for (const match of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(match[1] as string);
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = githubSlug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** GitHub's heading slug: the rendered text lowercased, punctuation dropped (except - and _), spaces to hyphens. */
function githubSlug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

const anchorCache = new Map<string, Set<string>>();

/** Why `path#anchor` does not resolve in the repository, or undefined when it does. */
function unresolved(path: string, anchor: string | undefined): string | undefined {
  if (!existsSync(path)) return `${path} is not a file of the repository`;
  if (anchor === undefined) return undefined;
  if (!statSync(path).isFile() || !path.endsWith('.md')) return `${path} is not a Markdown file, so #${anchor} names nothing`;
  let anchors = anchorCache.get(path);
  if (!anchors) {
    anchors = anchorsOf(path);
    anchorCache.set(path, anchors);
  }
  return anchors.has(anchor) ? undefined : `${path} has no heading with the anchor #${anchor}`;
}

function filesUnder(dir: string, skip: (path: string) => boolean = () => false): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name).replace(/\\/g, '/');
    if (skip(path)) return [];
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path, skip);
    return [path];
  });
}

describe('rule sources (docs.sources of every rule)', () => {
  it('every sources entry is a repository file (with an anchor that names a heading of it) or an https URL', () => {
    const problems: string[] = [];
    for (const meta of ALL_RULES) {
      assert.ok(meta.docs.sources.length > 0, `${meta.id} names no source`);
      for (const entry of meta.docs.sources) {
        const parsed = parseSourceEntry(entry);
        if (!parsed) {
          problems.push(`${meta.id}: "${entry}" is neither "path[#anchor][ — description]" nor "https://...[ — description]"`);
          continue;
        }
        if (parsed.kind === 'url') continue;
        const why = unresolved(parsed.path, parsed.anchor);
        if (why) problems.push(`${meta.id}: "${entry}": ${why}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('every docs/design reference in the code (comments, descriptions, messages) resolves to a heading', () => {
    const problems: string[] = [];
    const files = [...filesUnder('src'), ...filesUnder('webview'), ...filesUnder('scripts'), ...filesUnder('examples')];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bdocs\/design\/[a-z0-9-]+\.md(?:#[\p{Ll}\p{N}_-]+)?/gu)) {
        const [path, anchor] = match[0].split('#') as [string, string | undefined];
        const why = unresolved(path, anchor);
        if (why) problems.push(`${file}: ${match[0]}: ${why}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('parses the accepted forms and rejects the rest', () => {
    assert.deepEqual(parseSourceEntry('docs/design/sources.md#seed-000'), { kind: 'repository', target: 'docs/design/sources.md#seed-000', path: 'docs/design/sources.md', anchor: 'seed-000' });
    assert.deepEqual(parseSourceEntry('docs/format.md — the format'), { kind: 'repository', target: 'docs/format.md', path: 'docs/format.md', description: 'the format' });
    assert.deepEqual(parseSourceEntry('https://example.org/a?b=c — a page'), { kind: 'url', target: 'https://example.org/a?b=c', url: 'https://example.org/a?b=c', description: 'a page' });
    for (const bad of ['seed 000 (white paper)', 'ALGORITHMS.md 2', 'http://example.org/', '/etc/passwd', '../outside.md', 'docs/a.md#', 'docs/a.md#Upper', 'docs/a.md — ', 'docs/a.md (description)', ' docs/a.md', 'docs/a.md - description']) {
      assert.equal(parseSourceEntry(bad), undefined, bad);
    }
  });

  it('renders entries and design-note references as Markdown links relative to the page', () => {
    assert.equal(sourceEntryMarkdown('docs/design/sources.md#seed-000 — the white paper', 'docs'), '[docs/design/sources.md#seed-000](design/sources.md#seed-000) — the white paper');
    assert.equal(sourceEntryMarkdown('docs/format.md', ''), '[docs/format.md](docs/format.md)');
    assert.equal(sourceEntryMarkdown('https://example.org/x', 'docs'), '[https://example.org/x](https://example.org/x)');
    assert.equal(linkDesignNotes('see docs/design/algorithms.md#41-pre-copy.', 'docs'), 'see [docs/design/algorithms.md#41-pre-copy](design/algorithms.md#41-pre-copy).');
  });
});

describe('citations of documents outside the repository', () => {
  // The old notes were ALGORITHMS.md and DOMAIN.md (upper case, never in the repository); their
  // successors docs/design/algorithms.md and domain.md are lower case, so the file names are
  // matched case-sensitively. Seed numbers in any spelling: "seed 000", "Seeds 001 and 003".
  const OLD_NOTES = /ALGORITHMS\.md|DOMAIN\.md/;
  const SEED_NUMBER = /\bseeds? \d{3}\b/i;

  it('no file in src/, webview/, docs/ (but docs/design/), README.md or examples/ cites ALGORITHMS.md, DOMAIN.md or a seed by number', () => {
    const files = [
      ...filesUnder('src'),
      ...filesUnder('webview'),
      ...filesUnder('docs', (path) => path === 'docs/design'),
      'README.md',
      ...filesUnder('examples'),
    ];
    const hits: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8').split(/\r?\n/).forEach((line, index) => {
        // A design's display name (e.g. `name: Seed 000 - VMware HA on ...`) is a title, not a citation.
        if (file.endsWith('.vtopo') && /^name:/.test(line)) return;
        if (OLD_NOTES.test(line) || SEED_NUMBER.test(line)) hits.push(`${file}:${index + 1}: ${line.trim().slice(0, 160)}`);
      });
    }
    assert.deepEqual(hits, []);
  });
});
