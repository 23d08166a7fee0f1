/**
 * Every code the product reports, with its severity, why, and the docs section
 * that shows it: the languages' tables (languages/<id>/codes.ts), the
 * checker's own (common/checkerCodes.ts) and rule control's. What rule control checks names against, what `--severity`
 * accepts, and what SARIF describes its rules with.
 */
import { CHECKER_CODES } from '../common/checkerCodes';
import type { CodeInfo } from '../common/codes';
import { LANGUAGES } from '../languages/registry';
import { codes as ruleControlCodes } from './ruleControl';

export interface CatalogedCode extends CodeInfo {
  /** The docs page and the anchor of the section whose table shows the code: `docs/xl-config.md#codes`. */
  readonly docs: string;
}

/** Each table with the section of docs/ that shows it (test/unit/workspace/codeCatalog.test.ts holds them to the pages). */
const TABLES: { codes: readonly CodeInfo[]; docs: string }[] = [
  ...LANGUAGES.map((language) => ({ codes: language.codes, docs: `docs/${language.id}.md#codes` })),
  { codes: CHECKER_CODES, docs: 'docs/workspace.md#codes' },
  { codes: ruleControlCodes, docs: 'docs/severity.md#codes' },
];

/** By code; a code two tables both declare is described by the first. */
export const CODE_CATALOG: ReadonlyMap<string, CatalogedCode> = catalog();

function catalog(): Map<string, CatalogedCode> {
  const byCode = new Map<string, CatalogedCode>();
  for (const { codes, docs } of TABLES) for (const info of codes) if (!byCode.has(info.code)) byCode.set(info.code, { ...info, docs });
  return byCode;
}
