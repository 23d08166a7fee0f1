/**
 * One string for each distinct short word of a file. A big generated file
 * repeats a few words (keys, section names, `on`, `yes`) a million times, and
 * every `slice` of them is a string of its own (V8 copies a slice shorter
 * than 13 characters): the pool keeps the first and hands it out again, so
 * the tokens of a 20 MB file share a few thousand strings instead of holding
 * millions. Bounded, so a file of distinct words costs no more than without.
 */
export class StringPool {
  private readonly known = new Map<string, string>();

  constructor(
    /** Longer words are not pooled (they are rarely repeated, and a long slice shares the text anyway). */
    private readonly maxLength = 32,
    /** Past this many distinct words the pool stops growing (it still hands out what it has). */
    private readonly maxWords = 65_536,
  ) {}

  /** `text.slice(start, end)`, the same string as last time for a short word seen before. */
  slice(text: string, start: number, end: number): string {
    const word = text.slice(start, end);
    if (end - start > this.maxLength) return word;
    const known = this.known.get(word);
    if (known !== undefined) return known;
    if (this.known.size < this.maxWords) this.known.set(word, word);
    return word;
  }
}
