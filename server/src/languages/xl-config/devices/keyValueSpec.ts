import type { Span, StringValue } from '../ast';

/** One comma-separated part of a device spec string: `key=value` or a bare word. */
export interface SpecPart {
  /** The part without leading blanks. */
  span: Span;
  key: { name: string } & Span;
  /** Undefined for a bare word (a flag like `trusted`, or a positional value). */
  value?: { text: string } & Span;
}

/**
 * Splits a spec string (`'mac=00:16:3e:00:00:01, bridge=xenbr0'`) as xl
 * does: at commas, leading blanks dropped, `key=value` split at the first `=`.
 * Offsets are document offsets: the raw text between the quotes is used, so
 * they stay exact (device specs have no escapes in practice).
 */
export function splitSpec(text: string, item: StringValue): SpecPart[] {
  const parts: SpecPart[] = [];
  const raw = text.slice(item.inner.start, item.inner.end);
  let offset = 0;
  for (const piece of raw.split(',')) {
    const lead = piece.length - piece.trimStart().length;
    const start = item.inner.start + offset + lead;
    const body = piece.trim(); // not /\s+$/: that is quadratic on a long run of blanks
    offset += piece.length + 1;
    if (body.length === 0) continue;
    const equals = body.indexOf('=');
    if (equals < 0) {
      parts.push({ span: { start, end: start + body.length }, key: { name: body, start, end: start + body.length } });
    } else {
      const valueText = body.slice(equals + 1);
      parts.push({
        span: { start, end: start + body.length },
        key: { name: body.slice(0, equals), start, end: start + equals },
        value: { text: valueText, start: start + equals + 1, end: start + body.length },
      });
    }
  }
  return parts;
}
