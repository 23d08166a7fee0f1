/** Parsing and checking of option values: numbers with units, addresses, devices. */
import { didYouMean, suggestionSuffix } from '../../common/didYouMean';
import { Code } from './codes';
import type { Token } from './lexer';
import type { OptionFact } from './schema';

/** Multipliers of the unit suffixes drbdadm accepts after a number. */
const SUFFIX_BYTES: Record<string, number> = { '': 1, k: 1024, K: 1024, m: 1024 ** 2, M: 1024 ** 2, g: 1024 ** 3, G: 1024 ** 3, s: 512, S: 512 };
/** What one unit of an option's scale is, in bytes. */
const SCALE_BYTES: Record<string, number> = { k: 1024, s: 512 };

export const NUMBER_PATTERN = /^(-?\d+)([a-zA-Z]?)$/;

export interface ValueProblem {
  token: Token;
  code: typeof Code.invalidValue | typeof Code.outOfRange | typeof Code.invalidUnit | typeof Code.invalidAddress;
  message: string;
  /** Replacement candidates (did-you-mean), best first. */
  suggestions?: string[];
}

/** A number with its optional suffix, converted to the option's own unit (its scale). */
function numberInScale(text: string, scale: string | undefined): { value: number } | { badUnit: string } | undefined {
  const match = NUMBER_PATTERN.exec(text);
  if (!match) return undefined;
  const [, digits, suffix] = match;
  if (!(suffix in SUFFIX_BYTES)) return { badUnit: suffix };
  const number = parseInt(digits, 10);
  if (suffix === '') return { value: number };
  return { value: Math.floor((number * SUFFIX_BYTES[suffix]) / (SCALE_BYTES[scale ?? ''] ?? 1)) };
}

/** "KiB" style name of an option's default unit. */
export function scaleName(scale: string | undefined): string | undefined {
  if (scale === 'k') return 'KiB';
  if (scale === 's') return '512-byte sectors';
  return undefined;
}

export function checkNumber(token: Token, name: string, fact: OptionFact): ValueProblem | undefined {
  const parsed = numberInScale(token.value, fact.scale);
  if (!parsed) return { token, code: Code.invalidValue, message: `'${name}' takes a number${fact.scale ? ' (units k, M, G or s allowed)' : ''}; '${token.text}' is not one.` };
  if ('badUnit' in parsed) return { token, code: Code.invalidUnit, message: `Unknown unit '${parsed.badUnit}' in '${token.text}' for '${name}'; use k, M, G (binary multiples) or s (512-byte sectors).` };
  const { value } = parsed;
  if ((fact.min !== undefined && value < fact.min) || (fact.max !== undefined && value > fact.max)) {
    const unit = scaleName(fact.scale);
    const converted = NUMBER_PATTERN.exec(token.value)![2] ? ` (= ${value}${unit ? ' ' + unit : ''})` : '';
    return {
      token,
      code: Code.outOfRange,
      message: `'${name}' ${token.text}${converted} is out of range: it must be between ${fact.min ?? '-∞'} and ${fact.max ?? '∞'}${unit ? ' ' + unit : fact.unit ? ' (' + fact.unit + ')' : ''}.`,
    };
  }
  return undefined;
}

export function checkEnum(token: Token, name: string, values: readonly string[], alsoNumber?: OptionFact): ValueProblem | undefined {
  if (values.includes(token.value)) return undefined;
  if (alsoNumber && NUMBER_PATTERN.test(token.value)) return checkNumber(token, name, alsoNumber);
  const suggestions = didYouMean(token.value, values);
  const choices = values.length <= 12 ? `: one of ${values.join(', ')}` : '';
  return { token, code: Code.invalidValue, message: `'${token.text}' is not a valid value for '${name}'${choices}${alsoNumber ? ', or a number' : ''}${suggestionSuffix(suggestions) || '.'}`, suggestions };
}

export const BOOLEAN_VALUES = ['yes', 'no'];

const ADDRESS_FAMILIES = ['ipv4', 'ipv6', 'ssocks', 'sdp', 'ib'];

export interface ParsedAddress {
  family: string;
  host: string;
  port: number;
  /** `host:port` normalized, the key drbdadm compares for conflicts. */
  key: string;
  /** The token holding host:port. */
  token: Token;
}

/** Four dot-separated numbers of one to three digits, each at most 255. A scan by hand, not split and a regex per part: every address of a file is read twice (its value check, the collision check). */
export function validIpv4(host: string): boolean {
  let parts = 1;
  let digits = 0;
  let value = 0;
  for (let i = 0; i < host.length; i++) {
    const code = host.charCodeAt(i);
    if (code === 46 /* . */) {
      if (digits === 0 || value > 255 || ++parts > 4) return false;
      digits = 0;
      value = 0;
    } else if (code >= 48 && code <= 57 && digits < 3) {
      digits++;
      value = value * 10 + (code - 48);
    } else {
      return false;
    }
  }
  return parts === 4 && digits > 0 && value <= 255;
}

/** `[family] ip:port` (IPv6 as `[addr]:port`); a problem when it is malformed. */
export function parseAddress(args: Token[], keyword: Token): ParsedAddress | ValueProblem {
  let family = 'ipv4';
  let rest = args;
  if (rest.length > 0 && ADDRESS_FAMILIES.includes(rest[0].value)) {
    family = rest[0].value;
    rest = rest.slice(1);
  }
  const token = rest[0];
  if (!token) return { token: args[0] ?? keyword, code: Code.invalidAddress, message: `'${keyword.text}' needs an address and port, e.g. '${keyword.text} 10.0.0.1:7789;'.` };
  const match = /^(\[[0-9a-fA-F:.%a-z]+\]|[^:]+):(\d+)$/.exec(token.value);
  if (!match) return { token, code: Code.invalidAddress, message: `'${token.text}' is not an address with a port; write it as ip:port, e.g. 10.0.0.1:7789 (IPv6: ipv6 [fd00::1]:7789).` };
  const [, host, portText] = match;
  const port = parseInt(portText, 10);
  const isIpv6 = host.startsWith('[');
  if (family === 'ipv6' && !isIpv6) return { token, code: Code.invalidAddress, message: `An ipv6 address is written in brackets: ipv6 [${host}]:${portText}.` };
  if (family !== 'ipv6' && isIpv6) return { token, code: Code.invalidAddress, message: `'${token.text}' is an IPv6 address; write 'ipv6' before it.` };
  if (!isIpv6 && !validIpv4(host)) return { token, code: Code.invalidAddress, message: `'${host}' is not an IPv4 address (four numbers 0-255); DRBD needs the numeric address, not a host name.` };
  if (port < 1 || port > 65535) return { token, code: Code.invalidAddress, message: `Port ${port} is out of range: use 1-65535 (DRBD's convention starts at 7788).` };
  return { family, host, port, key: `${host}:${port}`, token };
}

export function isProblem(value: ParsedAddress | ValueProblem): value is ValueProblem {
  return 'code' in value;
}

/** The minor number a `device` option names: `/dev/drbdN`, `minor N` or `/dev/x minor N`. */
export function deviceMinor(args: Token[]): { minor?: number; path?: Token; minorToken?: Token } {
  const minorAt = args.findIndex((a) => a.value === 'minor');
  if (minorAt >= 0) {
    const minorToken = args[minorAt + 1];
    const minor = minorToken && /^\d+$/.test(minorToken.value) ? parseInt(minorToken.value, 10) : undefined;
    return { minor, path: minorAt > 0 ? args[0] : undefined, minorToken };
  }
  const path = args[0];
  const match = path ? /^\/dev\/drbd(\d+)$/.exec(path.value) : null;
  return { path, minor: match ? parseInt(match[1], 10) : undefined, minorToken: match ? path : undefined };
}
