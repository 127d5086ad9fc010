/**
 * The format of one entry of a rule's `docs.sources`, and its parser. Every entry names
 * something a user can open:
 *
 *   <target>
 *   <target> — <description>
 *
 * where <target> is either
 *   - a path in this repository, relative to its root, optionally with a GitHub heading
 *     anchor: `docs/design/sources.md#seed-000-checklist`, `docs/format.md`; or
 *   - an https URL: `https://pve.proxmox.com/pve-docs/chapter-ha-manager.html`;
 * and the optional <description> follows after " — " (space, em dash U+2014, space): what
 * the source says that the rule relies on. The description is free text on one line.
 *
 * The project's design notes (docs/design/algorithms.md, domain.md, sources.md) keep their
 * headings stable so that anchors into them do not break; the unit test
 * test/unit/docs/sources.test.ts checks that every repository target exists and that its
 * anchor names a heading of the file.
 */

export const SOURCE_DESCRIPTION_SEPARATOR = ' — ';

export type SourceEntry =
  | { readonly kind: 'repository'; readonly target: string; readonly path: string; readonly anchor?: string; readonly description?: string }
  | { readonly kind: 'url'; readonly target: string; readonly url: string; readonly description?: string };

const URL_TARGET = /^https:\/\/[^\s]+$/;
const PATH_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const ANCHOR = /^[\p{Ll}\p{Lo}\p{N}_-]+$/u;

/** The entry's parts, or undefined when it does not follow the format above. */
export function parseSourceEntry(entry: string): SourceEntry | undefined {
  if (entry !== entry.trim() || /[\r\n]/.test(entry)) return undefined;
  const separator = entry.indexOf(SOURCE_DESCRIPTION_SEPARATOR);
  const target = separator === -1 ? entry : entry.slice(0, separator);
  const description = separator === -1 ? undefined : entry.slice(separator + SOURCE_DESCRIPTION_SEPARATOR.length);
  if (description !== undefined && (description.trim() === '' || description !== description.trim())) return undefined;
  if (/\s/.test(target)) return undefined;
  const withDescription = description === undefined ? {} : { description };
  if (URL_TARGET.test(target)) return { kind: 'url', target, url: target, ...withDescription };
  if (target.includes(':')) return undefined;
  const hash = target.indexOf('#');
  const path = hash === -1 ? target : target.slice(0, hash);
  const anchor = hash === -1 ? undefined : target.slice(hash + 1);
  if (!path.split('/').every((segment) => PATH_SEGMENT.test(segment))) return undefined;
  if (anchor !== undefined && !ANCHOR.test(anchor)) return undefined;
  return { kind: 'repository', target, path, ...(anchor === undefined ? {} : { anchor }), ...withDescription };
}

/**
 * The entry as a Markdown list item body: the target as a link (a repository path made
 * relative to `fromDirectory`, itself relative to the repository root), then the description.
 */
export function sourceEntryMarkdown(entry: string, fromDirectory: string): string {
  const parsed = parseSourceEntry(entry);
  if (!parsed) return entry;
  const href = parsed.kind === 'url' ? parsed.url : relativeLink(fromDirectory, parsed.path) + (parsed.anchor === undefined ? '' : `#${parsed.anchor}`);
  const link = `[${parsed.target}](${href})`;
  return parsed.description === undefined ? link : `${link}${SOURCE_DESCRIPTION_SEPARATOR}${parsed.description}`;
}

function relativeLink(fromDirectory: string, path: string): string {
  const from = fromDirectory.split('/').filter((s) => s !== '' && s !== '.');
  const to = path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

const DESIGN_NOTE_REFERENCE = /\bdocs\/design\/[a-z0-9-]+\.md(?:#[\p{Ll}\p{N}_-]+)?/gu;

/**
 * Prose (a rule description, a field description) with each reference to a design note,
 * such as `docs/design/sources.md#seed-000`, turned into a Markdown link relative to
 * `fromDirectory`.
 */
export function linkDesignNotes(text: string, fromDirectory: string): string {
  return text.replace(DESIGN_NOTE_REFERENCE, (reference) => {
    const hash = reference.indexOf('#');
    const path = hash === -1 ? reference : reference.slice(0, hash);
    return `[${reference}](${relativeLink(fromDirectory, path)}${hash === -1 ? '' : reference.slice(hash)})`;
  });
}
