/** Edit distance (Levenshtein with adjacent transposition), capped for speed. */
export function editDistance(a: string, b: string, cap = 8): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2] + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return cap + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The known words closest to `word`, best first: at most `limit` of them, and
 * only those close enough to be a plausible typo (distance grows with length).
 * Case is ignored when comparing.
 */
export function didYouMean(word: string, known: Iterable<string>, limit = 3): string[] {
  const lower = word.toLowerCase();
  const maxDistance = lower.length <= 3 ? 1 : lower.length <= 6 ? 2 : 3;
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase(), maxDistance);
    if (distance <= maxDistance) scored.push({ candidate, distance });
  }
  scored.sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}

/** " (did you mean `a` or `b`?)" or "" — for the end of a diagnostic message. */
export function suggestionSuffix(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((s) => `'${s}'`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return `; did you mean ${list}?`;
}
