/**
 * Every diagnostic code of the language with the severity it is reported at
 * and why (docs/iftab.md shows the same table under "Codes"). ifrename never
 * refuses a whole file: it drops each line it cannot read with an "Error:"
 * and renames by the others. An iftab is a list of independent mappings, so
 * the line is the unit ifrename refuses, and a dropped line is an error: that
 * interface keeps its kernel name. Codes are a stable interface: never rename one.
 */
import { defineCodes } from '../../common/codes';

const DROPS = 'ifrename prints "Error:" and drops the line, so that interface keeps its kernel name.';

export const { Code, codes } = defineCodes({
  // The reader (parse.ts): what makes ifrename drop a line, or swallow a character.
  syntax: { code: 'iftab/syntax', severity: 'error', why: DROPS },
  missingValue: { code: 'iftab/missing-value', severity: 'error', why: DROPS },
  textAfterQuote: { code: 'iftab/text-after-quote', severity: 'warning', why: 'ifrename reads the line but silently swallows that character, so the next selector or value is not what it looks like.' },
  carriageReturn: {
    code: 'iftab/carriage-return',
    severity: ['error', 'warning', 'info'],
    why: 'The CR becomes part of the last word: ifrename drops the line when that word is a name, a selector, a MAC or a number, keeps a text value that then never matches, and skips a CR right after a closing quote.',
  },
  // The file's own checks (validate.ts).
  noSelectors: { code: 'iftab/no-selectors', severity: 'error', why: DROPS },
  unknownSelector: { code: 'iftab/unknown-selector', severity: 'error', why: DROPS },
  ambiguousSelector: { code: 'iftab/ambiguous-selector', severity: 'error', why: DROPS },
  abbreviatedSelector: { code: 'iftab/abbreviated-selector', severity: 'hint', why: 'ifrename resolves the prefix; the full name is only easier to read.' },
  sysfsAttributeMissing: { code: 'iftab/sysfs-attribute-missing', severity: 'error', why: DROPS },
  tooManySysfsAttributes: { code: 'iftab/too-many-sysfs-attributes', severity: 'error', why: DROPS },
  attributeIgnored: { code: 'iftab/attribute-ignored', severity: 'warning', why: 'ifrename reads the line and ignores the braces, so a condition the author meant is not applied.' },
  invalidMac: { code: 'iftab/invalid-mac', severity: 'error', why: DROPS },
  invalidMacPattern: { code: 'iftab/invalid-mac-pattern', severity: 'warning', why: 'ifrename takes the pattern, but it can never match an address, so the mapping silently does nothing.' },
  macLength: { code: 'iftab/mac-length', severity: 'warning', why: 'ifrename takes it, but no Ethernet card or Xen vif has an address of that length, so the mapping never applies.' },
  nullMac: { code: 'iftab/null-mac', severity: 'warning', why: 'ifrename takes it with a warning of its own: it matches any card whose driver has set no address.' },
  multicastMac: { code: 'iftab/multicast-mac', severity: 'warning', why: 'ifrename takes it, but no card has a group address, so the mapping never applies.' },
  invalidNumber: { code: 'iftab/invalid-number', severity: 'error', why: DROPS },
  invalidBaseAddress: { code: 'iftab/invalid-base-address', severity: 'error', why: DROPS },
  valueTooLong: { code: 'iftab/value-too-long', severity: 'error', why: DROPS },
  nameTooLong: { code: 'iftab/name-too-long', severity: 'error', why: 'Past 16 characters ifrename drops the line; at 16 it reads it, and the kernel refuses the rename, which ifrename reports as "Error: cannot change name".' },
  nameInvalid: { code: 'iftab/name-invalid', severity: 'error', why: 'ifrename reads the line, but the kernel refuses such a name, and ifrename reports the rename as "Error: cannot change name".' },
  nameWildcard: { code: 'iftab/name-wildcard', severity: 'warning', why: 'Only the first * is a wildcard; the others stay literal, so the names are not the ones meant.' },
  unreliableName: { code: 'iftab/unreliable-name', severity: 'hint', why: "ifrename's own advice: the mapping works unless another card already holds that kernel name at boot; -t or a name such as lan0 avoids the race." },
  duplicateName: { code: 'iftab/duplicate-name', severity: 'info', why: 'Normal in a file shared by several machines; on one machine only one card can get the name.' },
  duplicateMac: { code: 'iftab/duplicate-mac', severity: 'warning', why: 'ifrename uses the last matching line, so the earlier mapping silently never applies.' },
  // The guest checks (crossFile.ts): they need the guest's domain config.
  macOutsideXenRange: { code: 'iftab/mac-outside-xen-range', severity: 'hint', why: 'Legal, and right when the vif sets that MAC; outside the range it is only unusual for a guest, and the vif side carries the warning.' },
  macNotOnGuest: { code: 'iftab/mac-not-on-guest', severity: 'warning', why: "ifrename takes the line, but none of the guest's vifs has the MAC, so it never applies." },
  // The iftab's names against the workspace's vifs (crossFile.ts).
  workspaceMacUnknown: { code: 'workspace/iftab-mac-unknown', severity: 'hint', why: 'The workspace may simply not hold that guest; worth a look, not a fault.' },
  workspaceVifOrder: { code: 'workspace/iftab-vif-order', severity: 'warning', why: "It works, but the guest's ethN no longer follows vif N, which confuses whoever maps them later." },
});
