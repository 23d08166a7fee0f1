/** Shapes of the facts generated from upstream (see scripts/gen-xl-schema.mjs). */

export type GuestType = 'pv' | 'pvh' | 'hvm';
export type ValueKind = 'string' | 'number' | 'boolean' | 'list';

export interface DomainKeyFact {
  name: string;
  kinds: ValueKind[];
  enum?: string[];
  /** Guest types whose branch of xl's parser reads the key. */
  parserGuestTypes?: GuestType[];
  /** Guest types the manual files the key under. */
  docGuestTypes?: GuestType[];
  arch?: string[];
  /** First Xen release whose xl reads the key. */
  since?: string;
  units?: string;
  default?: string;
  valueSyntax?: string;
  /** Id of the key's section in its upstream manual page (pod2html), when it has one. */
  manualAnchor?: string;
  documented?: boolean;
  deprecated?: boolean;
  /** xl reads the key only to say it ignores it. */
  ignored?: boolean;
  replacement?: string;
  deprecatedSince?: string;
  removedValues?: string[];
  deprecatedForm?: string;
  /** key=value names inside the key's device spec strings. */
  subKeys?: { name: string; enum?: string[] }[];
}

export interface HistoricalKeyFact {
  name: string;
  since?: string;
  until?: string;
  note?: string;
}

export interface XlConfKeyFact {
  name: string;
  kinds: ValueKind[];
  enum?: string[];
  since?: string;
  default?: string;
  valueSyntax?: string;
  /** Id of the key's section in its upstream manual page (pod2html), when it has one. */
  manualAnchor?: string;
  documented?: boolean;
  deprecated?: boolean;
  replacement?: string;
}

export interface XmKeyFact {
  name: string;
  kind: string;
  enum?: string[];
  valueSyntax?: string;
  hvmImageArg?: boolean;
}

export interface DiskParamFact {
  name: string;
  kind: string;
  enum?: string[];
  positionalIndex?: number;
  /** Id of the key's section in its upstream manual page (pod2html), when it has one. */
  manualAnchor?: string;
  default?: string;
  since?: string;
  documented?: boolean;
  group?: string;
  aliasOf?: string;
}

export interface SpecKeyFact {
  name: string;
  kind: string;
  enum?: string[];
  openEnum?: boolean;
  /** Id of the key's section in its upstream manual page (pod2html), when it has one. */
  manualAnchor?: string;
  default?: string;
  since?: string;
  documented?: boolean;
  group?: string;
  deprecated?: boolean;
  replacement?: string;
  ignored?: boolean;
}

export interface PciKeyFact {
  name: string;
  kind: string;
  enum?: string[];
  default?: string;
  positionalIndex?: number;
}
