/**
 * The C library number readers xl's parsers use (strtoul, sscanf's %x and %u),
 * with their quirks: leading white space and a sign are accepted, a minus
 * wraps around, `0x` is optional in base 16, and reading stops at the first
 * character that is not a digit (the caller looks at what follows).
 */

/** ULONG_MAX on the 64-bit hosts xl runs on. */
export const ULONG_MAX = (1n << 64n) - 1n;
export const UINT32_MAX = (1n << 32n) - 1n;

export interface CNumber {
  value: bigint;
  /** Index just after the number; equals `start` when no digit was read (C's endptr == str). */
  end: number;
}

const SPACE = /[ \t\n\v\f\r]/;

/** strtoul(text + start, &end, base) for base 10, 16 or 0 (0: `0x` hex, `0` octal, else decimal). */
export function strtoul(text: string, base: 0 | 10 | 16, start = 0): CNumber {
  let i = start;
  while (i < text.length && SPACE.test(text[i])) i++;
  let negative = false;
  if (text[i] === '+' || text[i] === '-') {
    negative = text[i] === '-';
    i++;
  }
  let radix: number = base === 0 ? 10 : base;
  const hexPrefix = (text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X') && isDigit(text[i + 2], 16));
  if ((base === 16 || base === 0) && hexPrefix) {
    radix = 16;
    i += 2;
  } else if (base === 0 && text[i] === '0') radix = 8;
  const digitsStart = i;
  let value = 0n;
  let overflow = false;
  while (i < text.length && isDigit(text[i], radix)) {
    value = value * BigInt(radix) + BigInt(parseInt(text[i], radix));
    if (value > ULONG_MAX) overflow = true;
    i++;
  }
  if (i === digitsStart) return { value: 0n, end: start };
  if (overflow) return { value: ULONG_MAX, end: i };
  return { value: negative && value !== 0n ? ULONG_MAX + 1n - value : value, end: i };
}

/**
 * sscanf's `%x` at `start`: like strtoul base 16, except that glibc also takes
 * a lone `0x` (read as 0). Undefined when it matches nothing.
 */
export function scanHex(text: string, start: number): CNumber | undefined {
  const read = strtoul(text, 16, start);
  let i = start;
  while (i < text.length && SPACE.test(text[i])) i++;
  if (text[i] === '+' || text[i] === '-') i++;
  if (text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X') && !isDigit(text[i + 2], 16)) return { value: 0n, end: i + 2 };
  return read.end === start ? undefined : read;
}

/** atoi/strtoul(…, NULL, 0) as xl uses them for flags: never fails, 0 when there is no number. */
export function cValue(text: string): bigint {
  return strtoul(text, 0).value;
}

function isDigit(c: string | undefined, radix: number): boolean {
  if (c === undefined) return false;
  const d = parseInt(c, 36);
  return !Number.isNaN(d) && d < radix && /[0-9a-z]/i.test(c);
}
