/** Every diagnostic code of the language, in one place (docs/xend-sxp.md lists them). Codes are a stable interface: never rename one. */
export const Code = {
  // The reader (shared/src/sexp.ts): one code per kind of syntax error.
  syntaxUnclosedList: 'xend/syntax-unclosed-list',
  syntaxUnexpectedClose: 'xend/syntax-unexpected-close',
  syntaxUnterminatedString: 'xend/syntax-unterminated-string',
  syntaxInvalidCharacter: 'xend/syntax-invalid-character',
  syntaxTooDeep: 'xend/syntax-too-deep',
  // Options (validate.ts).
  notAnOption: 'xend/not-an-option',
  unknownOption: 'xend/unknown-option',
  duplicateOption: 'xend/duplicate-option',
  missingValue: 'xend/missing-value',
  extraValue: 'xend/extra-value',
  wrongType: 'xend/wrong-type',
  portOutOfRange: 'xend/port-out-of-range',
  badValue: 'xend/bad-value',
  badXenApiEntry: 'xend/bad-xen-api-entry',
  lostEscape: 'xend/lost-escape',
  // Who can reach xend's servers (validateSecurity.ts).
  relocationOpen: 'xend/relocation-open',
  listensOnAllAddresses: 'xend/listens-on-all-addresses',
  unauthenticatedServer: 'xend/unauthenticated-server',
  vncOpen: 'xend/vnc-open',
  badHostPattern: 'xend/bad-host-pattern',
  unanchoredHostPattern: 'xend/unanchored-host-pattern',
  // The target Xen has no xend (validateRemoval.ts).
  xendRemoved: 'xend/xend-removed',
} as const;
