/** Did-you-mean suggestions travel in a diagnostic's `data`, so the quick fix needs no message parsing. */
import type { Diagnostic } from 'vscode-languageserver-types';
import { didYouMean, suggestionSuffix } from '../../common/didYouMean';

export interface SuggestionData {
  suggestions: string[];
}

/** The closest known words to `word`, and the message suffix that offers them. */
export function suggest(word: string, known: Iterable<string>): { suggestions: string[]; suffix: string } {
  const suggestions = didYouMean(word, new Set(known));
  return { suggestions, suffix: suggestionSuffix(suggestions) };
}

export function withSuggestions(d: Diagnostic, suggestions: string[]): Diagnostic {
  if (suggestions.length > 0) d.data = { suggestions } satisfies SuggestionData;
  return d;
}

export function suggestionsOf(d: Diagnostic): string[] {
  const data = d.data as Partial<SuggestionData> | undefined;
  return Array.isArray(data?.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
}
