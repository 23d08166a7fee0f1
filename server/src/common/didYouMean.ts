/** Three DP rows, reused by every call (grown when a word is longer): no allocation per comparison. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Edit distance (Levenshtein with adjacent transposition), capped for speed. */
export function editDistance(a: string, b: string, cap = 8): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  if (rows[0].length <= b.length) rows = [0, 1, 2].map(() => new Int32Array(2 * b.length + 2));
  let previousPrevious = rows[0];
  let previous = rows[1];
  let current = rows[2];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = previous[j - 1] + (ai === bj ? 0 : 1);
      if (previous[j] + 1 < value) value = previous[j] + 1;
      if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && previousPrevious[j - 2] + 1 < value) value = previousPrevious[j - 2] + 1;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
    const spare = previousPrevious;
    previousPrevious = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length];
}

const bagCounts = new Int32Array(128);
let bagScratch = new Int32Array(64);

/**
 * The characters of a word, to rule out most candidates before their edit
 * distance is computed: each edit (a transposition too) changes the multiset
 * of characters by at most one on each side, so the multiset difference is a
 * lower bound of the distance, and it costs one pass over the candidate. The
 * word is counted once (into a table shared by every call, cleared by
 * `release`); a candidate's matches are given back after it.
 */
class CharacterBag {
  private readonly ascii: boolean;

  constructor(private readonly word: string) {
    this.ascii = !/[^\x00-\x7f]/.test(word);
    if (this.ascii) for (let i = 0; i < word.length; i++) bagCounts[word.charCodeAt(i)]++;
  }

  distanceExceeds(candidate: string, cap: number): boolean {
    if (!this.ascii) return false;
    if (bagScratch.length < candidate.length) bagScratch = new Int32Array(2 * candidate.length);
    let matched = 0;
    for (let i = 0; i < candidate.length; i++) {
      const code = candidate.charCodeAt(i);
      if (code < 128 && bagCounts[code] > 0) {
        bagCounts[code]--;
        bagScratch[matched++] = code;
      }
    }
    for (let i = 0; i < matched; i++) bagCounts[bagScratch[i]]++;
    return Math.max(candidate.length - matched, this.word.length - matched) > cap;
  }

  release(): void {
    if (this.ascii) for (let i = 0; i < this.word.length; i++) bagCounts[this.word.charCodeAt(i)] = 0;
  }
}

/**
 * The last answers, by word: a file that repeats one typo 100,000 times asks
 * the same question each time. A hit needs the same known words in the same
 * order (compared one by one, which costs far less than the distances).
 */
const recent = new Map<string, { known: string[]; limit: number; result: string[] }>();
const RECENT_WORDS = 256;
/** The last list of known words and the same in lower case: a file's checks ask against one table again and again. */
let prepared: { known: string[]; lower: string[] } | undefined;

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The known words closest to `word`, best first: at most `limit` of them, and
 * only those close enough to be a plausible typo (distance grows with length).
 * Case is ignored when comparing.
 */
export function didYouMean(word: string, known: Iterable<string>, limit = 3): string[] {
  const candidates = [...known];
  const hit = recent.get(word);
  if (hit && hit.limit === limit && sameWords(hit.known, candidates)) return [...hit.result];
  if (!prepared || !sameWords(prepared.known, candidates)) prepared = { known: candidates, lower: candidates.map((c) => c.toLowerCase()) };
  const { lower: lowerCandidates } = prepared;
  const lower = word.toLowerCase();
  const maxDistance = lower.length <= 3 ? 1 : lower.length <= 6 ? 2 : 3;
  const bag = new CharacterBag(lower);
  const scored: { candidate: string; distance: number }[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const lowerCandidate = lowerCandidates[i];
    if (Math.abs(lowerCandidate.length - lower.length) > maxDistance || bag.distanceExceeds(lowerCandidate, maxDistance)) continue;
    const distance = editDistance(lower, lowerCandidate, maxDistance);
    if (distance <= maxDistance) scored.push({ candidate: candidates[i], distance });
  }
  bag.release();
  scored.sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate));
  const result = scored.slice(0, limit).map((s) => s.candidate);
  if (recent.size >= RECENT_WORDS) recent.delete(recent.keys().next().value!);
  recent.set(word, { known: candidates, limit, result });
  return [...result];
}

/** " (did you mean `a` or `b`?)" or "" — for the end of a diagnostic message. */
export function suggestionSuffix(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((s) => `'${s}'`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return `; did you mean ${list}?`;
}
