/** Did-you-mean words for a misspelt name, and the message suffix that offers them (fixes.ts `changeTo` turns them into quick fixes). */
import { didYouMean, suggestionSuffix } from '../../common/didYouMean';

/** The closest known words to `word`, and the message suffix that offers them. */
export function suggest(word: string, known: Iterable<string>): { suggestions: string[]; suffix: string } {
  const suggestions = didYouMean(word, new Set(known));
  return { suggestions, suffix: suggestionSuffix(suggestions) };
}
