import type { Range } from 'vscode-languageserver-types';
import type { LanguageService, ParsedDocument } from '../languages/types';

/**
 * The service with every position and range it is handed moved inside the
 * document first (LineIndex.clamp): a client may send a column past the end of
 * the line, a line past the end of the file, or a stale position from before an
 * edit, and no feature should answer with an error or a range outside the text.
 */
export function clampPositions<Doc extends ParsedDocument>(service: LanguageService<Doc>): LanguageService<Doc> {
  const range = (doc: Doc, r: Range): Range => ({ start: doc.lines.clamp(r.start), end: doc.lines.clamp(r.end) });
  const { definition, references, rename } = service;
  return {
    ...service,
    complete: (doc, position, ctx) => service.complete(doc, doc.lines.clamp(position), ctx),
    hover: (doc, position, ctx) => service.hover(doc, doc.lines.clamp(position), ctx),
    codeActions: (doc, r, diagnostics, ctx) => service.codeActions(doc, range(doc, r), diagnostics, ctx),
    format: (doc, options, r) => service.format(doc, options, r && range(doc, r)),
    ...(definition && { definition: (doc: Doc, position, ctx) => definition(doc, doc.lines.clamp(position), ctx) }),
    ...(references && { references: (doc: Doc, position, ctx) => references(doc, doc.lines.clamp(position), ctx) }),
    ...(rename && { rename: (doc: Doc, position, newName, ctx) => rename(doc, doc.lines.clamp(position), newName, ctx) }),
  };
}
