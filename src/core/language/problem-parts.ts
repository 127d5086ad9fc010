/**
 * How a document's problems are handed to VS Code: at most PROBLEMS_PER_FILE of them, the
 * most severe first, spread over PROBLEM_PARTS diagnostic collections so that an edit which
 * changes a few problems sends the workbench only the parts holding them.
 *
 * VS Code sends the whole list of a collection for a file to the workbench on every change,
 * and the editor makes new markers of all of it; markers of the collections that did not
 * change are kept, and the editor's squiggles are updated only for the markers that are new
 * (its markerDecorationsService compares them by reference). On the large bench design,
 * one collection meant 1,000 diagnostics converted, serialized and decorated again for
 * each keystroke (docs/performance.md).
 */

/**
 * The problems published per file. VS Code's own limit per collection and file (its
 * extension host keeps errors first, then warnings, information and hints): applied here
 * to the document's problems as a whole, so spreading them over several collections does
 * not show more of them.
 */
export const PROBLEMS_PER_FILE = 1000;

/** Diagnostic collections a document's problems are spread over. */
export const PROBLEM_PARTS = 32;

export interface ShownProblems<T> {
  /** In order of severity (as ranked), then in the order given. */
  readonly shown: T[];
  /** How many were left out. */
  readonly omitted: number;
}

/**
 * The problems a file shows, as VS Code chooses them: all of them when there are at most
 * `limit`, else the first `limit` by severity rank (0 most severe, 3 least), each rank in
 * the order given.
 */
export function shownProblems<T>(problems: readonly T[], rank: (problem: T) => number, limit = PROBLEMS_PER_FILE): ShownProblems<T> {
  if (problems.length <= limit) return { shown: [...problems], omitted: 0 };
  const shown: T[] = [];
  for (let level = 0; level < 4 && shown.length < limit; level++) {
    for (const problem of problems) {
      if (rank(problem) !== level) continue;
      shown.push(problem);
      if (shown.length === limit) break;
    }
  }
  return { shown, omitted: problems.length - shown.length };
}

/**
 * The problems in `parts` lists, each in its part (`partOf` its key, so that a problem whose
 * key does not change stays in its part from one edit to the next), in the order given.
 */
export function spreadProblems<T>(problems: readonly T[], part: (problem: T) => number, parts = PROBLEM_PARTS): T[][] {
  const spread = Array.from({ length: parts }, (): T[] => []);
  for (const problem of problems) spread[part(problem)]?.push(problem);
  return spread;
}

/**
 * FNV-1a over the key's UTF-16 code units, its bits then mixed as MurmurHash3's last step
 * does, modulo `parts`. Without the mixing, FNV-1a's low bits depend only on the low bits of
 * each character, and messages that differ in a host's number fell in a few parts.
 */
export function partOf(key: string, parts: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) % parts;
}
