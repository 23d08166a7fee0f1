/** Every diagnostic code of the language, in one place (docs/iftab.md lists them). Codes are a stable interface: never rename one. */
export const Code = {
  // The reader (parse.ts): what makes ifrename drop a line, or swallow a character.
  syntax: 'iftab/syntax',
  missingValue: 'iftab/missing-value',
  textAfterQuote: 'iftab/text-after-quote',
  carriageReturn: 'iftab/carriage-return',
  // The file's own checks (validate.ts).
  noSelectors: 'iftab/no-selectors',
  unknownSelector: 'iftab/unknown-selector',
  ambiguousSelector: 'iftab/ambiguous-selector',
  abbreviatedSelector: 'iftab/abbreviated-selector',
  sysfsAttributeMissing: 'iftab/sysfs-attribute-missing',
  tooManySysfsAttributes: 'iftab/too-many-sysfs-attributes',
  attributeIgnored: 'iftab/attribute-ignored',
  invalidMac: 'iftab/invalid-mac',
  invalidMacPattern: 'iftab/invalid-mac-pattern',
  macLength: 'iftab/mac-length',
  nullMac: 'iftab/null-mac',
  multicastMac: 'iftab/multicast-mac',
  invalidNumber: 'iftab/invalid-number',
  invalidBaseAddress: 'iftab/invalid-base-address',
  valueTooLong: 'iftab/value-too-long',
  nameTooLong: 'iftab/name-too-long',
  nameInvalid: 'iftab/name-invalid',
  nameWildcard: 'iftab/name-wildcard',
  unreliableName: 'iftab/unreliable-name',
  duplicateName: 'iftab/duplicate-name',
  duplicateMac: 'iftab/duplicate-mac',
  // The guest checks (crossFile.ts): they need the guest's domain config.
  macOutsideXenRange: 'iftab/mac-outside-xen-range',
  macNotOnGuest: 'iftab/mac-not-on-guest',
  // The iftab's names against the workspace's vifs (crossFile.ts).
  workspaceMacUnknown: 'workspace/iftab-mac-unknown',
  workspaceVifOrder: 'workspace/iftab-vif-order',
} as const;
