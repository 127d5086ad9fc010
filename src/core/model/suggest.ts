/** "Did you mean ...?": the closest candidate by edit distance, if it is close enough. */

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const width = b.length + 1;
  const rows = [new Array<number>(width).fill(0), new Array<number>(width).fill(0), new Array<number>(width).fill(0)];
  for (let j = 0; j <= b.length; j++) (rows[1] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const beforePrevious = rows[0] as number[];
    const previous = rows[1] as number[];
    const current = rows[2] as number[];
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    rows.push(rows.shift() as number[]);
  }
  return (rows[1] as number[])[b.length] ?? 0;
}

/**
 * The candidate nearest to `input`, ignoring case, when the distance is at most a third of
 * the input's length (at least 1, at most 3); undefined when nothing is that close.
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  if (needle.length > 200) return undefined;
  const limit = Math.min(3, Math.max(1, Math.floor(needle.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - needle.length) > limit) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
