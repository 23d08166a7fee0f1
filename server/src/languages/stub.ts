import { LineIndex } from '../common/lineIndex';
import type { LanguageId, LanguageService, ParsedDocument } from './types';

/** Placeholder until a language's own service lands (removed once all five exist). */
export function stubService(id: LanguageId): LanguageService {
  return {
    id,
    parse: (text): ParsedDocument => ({ text, lines: new LineIndex(text), syntaxErrors: [] }),
    validate: (doc) => doc.syntaxErrors,
    complete: () => [],
    hover: () => null,
    codeActions: () => [],
    symbols: () => [],
    folding: () => [],
    facts: () => ({}),
  };
}
