/**
 * Every diagnostic code of the language with the severity it is reported at
 * and why (docs/xend-sxp.md shows the same table under "Codes"). The real
 * tool is xend itself: an error is what stops it from starting. Codes are a
 * stable interface: never rename one.
 */
import { defineCodes } from '../../common/codes';

export const { Code, codes } = defineCodes({
  // The reader (shared/src/sexp.ts): one code per kind of syntax error.
  syntaxUnclosedList: { code: 'xend/syntax-unclosed-list', severity: 'error', why: "xend's sxp reader fails on the file, so xend does not start." },
  syntaxUnexpectedClose: { code: 'xend/syntax-unexpected-close', severity: 'error', why: "A ')' with nothing open is a parse error of xend's reader, so xend does not start." },
  syntaxUnterminatedString: { code: 'xend/syntax-unterminated-string', severity: 'error', why: 'A string that never ends is a parse error of the reader, so xend does not start.' },
  syntaxInvalidCharacter: { code: 'xend/syntax-invalid-character', severity: 'error', why: 'The reader takes only printable ASCII outside strings and comments and fails on anything else.' },
  syntaxTooDeep: { code: 'xend/syntax-too-deep', severity: 'warning', why: "xend's reader has no depth limit but ours skips a '(' past 200 levels, so what lies deeper goes unchecked." },
  // Options (validate.ts).
  notAnOption: { code: 'xend/not-an-option', severity: 'warning', why: 'xend looks options up by name and silently skips what is not an option, so the setting is lost.' },
  unknownOption: { code: 'xend/unknown-option', severity: 'warning', why: 'No xend release reads the name, so a typo silently loses the setting.' },
  legacyOption: { code: 'xend/legacy-option', severity: 'info', why: "Only Xen 2.0's xend read it; later xend ignores it, which is harmless but leaves the setting without effect." },
  duplicateOption: { code: 'xend/duplicate-option', severity: 'warning', why: 'xend uses the first occurrence, so the later one, usually the intended edit, has no effect.' },
  missingValue: { code: 'xend/missing-value', severity: 'warning', why: 'xend quietly falls back to its default, which is rarely what an empty entry meant.' },
  extraValue: { code: 'xend/extra-value', severity: 'warning', why: 'xend reads the first value only, so script arguments written unquoted are dropped.' },
  wrongType: { code: 'xend/wrong-type', severity: 'error', why: 'xend converts the value when it starts and stops with an exception when it cannot.' },
  portOutOfRange: { code: 'xend/port-out-of-range', severity: 'error', why: 'The server cannot bind a port outside 1-65535, so xend fails to start it.' },
  badValue: { code: 'xend/bad-value', severity: 'warning', why: "Python's logging does not know the name, so xend starts but does not log at the level meant." },
  badXenApiEntry: { code: 'xend/bad-xen-api-entry', severity: 'warning', why: 'xend starts but logs the listener list as invalid and opens none of it from that entry on, or silently uses its default authentication.' },
  lostEscape: { code: 'xend/lost-escape', severity: 'warning', why: "The reader keeps the backslash and drops the next character, so a pattern or path is not what it looks like." },
  // Who can reach xend's servers (validateSecurity.ts).
  relocationOpen: { code: 'xend/relocation-open', severity: 'warning', why: 'xend starts, but anyone who reaches the port can push a domain onto the host or pull one off it.' },
  listensOnAllAddresses: { code: 'xend/listens-on-all-addresses', severity: ['warning', 'info'], why: 'A management server bound to every interface is reachable from every network; with a hosts-allow list only the binding remains worth knowing.' },
  unauthenticatedServer: { code: 'xend/unauthenticated-server', severity: 'warning', why: 'A server without authentication on a reachable address lets anyone drive xend.' },
  vncOpen: { code: 'xend/vnc-open', severity: 'warning', why: 'Every HVM console without its own password is open to whoever reaches the VNC port.' },
  badHostPattern: { code: 'xend/bad-host-pattern', severity: 'error', why: 'xend compiles every hosts-allow entry when it starts, and a broken regular expression stops it.' },
  unanchoredHostPattern: { code: 'xend/unanchored-host-pattern', severity: 'info', why: 'The pattern also admits longer host names, a widening worth knowing about.' },
  // The target Xen has no xend (validateRemoval.ts).
  xendRemoved: { code: 'xend/xend-removed', severity: 'hint', why: 'From Xen 4.5 on nothing reads the file: a fact about the target, not a fault in the file, shown where it applies (what xl has instead of each option).' },
});
