/** Parsers of toolstack output never throw: they return a value or say what they could not read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const unparsable = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** First line of `text`, shortened, for messages about output we could not read. */
export function excerpt(text: string): string {
  const line = text.trim().split('\n', 1)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
