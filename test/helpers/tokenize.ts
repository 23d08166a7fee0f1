/**
 * Tokenizes text with the extension's own TextMate grammars through the same
 * engine VS Code uses (vscode-textmate + the oniguruma WebAssembly build), so
 * grammar tests see exactly the scopes a theme colours.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { IGrammar, INITIAL, parseRawGrammar, Registry, StateStack } from 'vscode-textmate';
import type { LanguageId } from '../../server/src/languages/types';
import { REPO_ROOT } from './fixtures';

/** The root scope of each language's grammar (as registered in package.json). */
export const GRAMMAR_SCOPES: Record<LanguageId, string> = {
  'xl-config': 'source.xl-config',
  'xend-sxp': 'source.xend-sxp',
  iftab: 'source.iftab',
  drbd: 'source.drbd',
  'cluster-conf': 'text.xml.cluster-conf',
};

export function grammarPath(id: LanguageId): string {
  return join(REPO_ROOT, 'syntaxes', `${id}.tmLanguage.json`);
}

export interface Token {
  /** 0-based line number (as vscode-textmate counts). */
  line: number;
  startIndex: number;
  endIndex: number;
  text: string;
  scopes: string[];
}

export interface TokenizedText {
  lines: string[];
  tokens: Token[];
}

let onigLoaded: Promise<void> | undefined;
let registry: Registry | undefined;

/** Loads the oniguruma WebAssembly once per process (loadWASM refuses a second call). */
function loadOniguruma(): Promise<void> {
  onigLoaded ??= oniguruma.loadWASM(readFileSync(join(REPO_ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')));
  return onigLoaded;
}

/** Compiles a grammar regex with the editor's regex engine; throws with oniguruma's message when it is invalid. */
export async function compileRegex(pattern: string): Promise<void> {
  await loadOniguruma();
  new oniguruma.OnigScanner([pattern]).dispose();
}

function grammarRegistry(): Registry {
  if (!registry) {
    const onigLib = loadOniguruma().then(() => ({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }));
    const byScope = new Map(Object.entries(GRAMMAR_SCOPES).map(([id, scope]) => [scope, id as LanguageId]));
    registry = new Registry({
      onigLib,
      loadGrammar: async (scopeName) => {
        const id = byScope.get(scopeName);
        if (!id) return null;
        const path = grammarPath(id);
        return parseRawGrammar(readFileSync(path, 'utf8'), path);
      },
    });
  }
  return registry;
}

export async function loadGrammar(id: LanguageId): Promise<IGrammar> {
  const grammar = await grammarRegistry().loadGrammar(GRAMMAR_SCOPES[id]);
  assert.ok(grammar, `grammar for ${id} did not load`);
  return grammar;
}

/** Tokenizes a whole text line by line, carrying the rule stack across lines as the editor does. */
export function tokenize(grammar: IGrammar, text: string): TokenizedText {
  const lines = text.split(/\r?\n/);
  const tokens: Token[] = [];
  let stack: StateStack = INITIAL;
  lines.forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, stack);
    for (const t of result.tokens) {
      const endIndex = Math.min(t.endIndex, lineText.length);
      tokens.push({ line, startIndex: t.startIndex, endIndex, text: lineText.slice(t.startIndex, endIndex), scopes: t.scopes });
    }
    stack = result.ruleStack;
  });
  return { lines, tokens };
}

export async function tokenizeText(id: LanguageId, text: string): Promise<TokenizedText> {
  return tokenize(await loadGrammar(id), text);
}

export interface Where {
  /** 1-based line to search in (as an editor shows it); the whole text when absent. */
  line?: number;
  /** Search only after the first occurrence of this text on the line (to pick the `w` after `hda,`). */
  after?: string;
  /** Which occurrence (0-based) of the needle, counted over the lines searched. */
  nth?: number;
}

/**
 * The tokens that cover an occurrence of `needle`. Fails the test when the
 * needle is not there, so a test never passes by looking at nothing.
 */
export function tokensOf(tokenized: TokenizedText, needle: string, where: Where = {}): Token[] {
  let seen = 0;
  for (let line = 0; line < tokenized.lines.length; line++) {
    if (where.line !== undefined && line !== where.line - 1) continue;
    const lineText = tokenized.lines[line];
    const anchor = where.after === undefined ? 0 : lineText.indexOf(where.after);
    if (anchor < 0) continue;
    const from = where.after === undefined ? 0 : anchor + where.after.length;
    for (let at = lineText.indexOf(needle, from); at >= 0; at = lineText.indexOf(needle, at + 1)) {
      if (seen++ !== (where.nth ?? 0)) continue;
      const end = at + needle.length;
      return tokenized.tokens.filter((t) => t.line === line && t.startIndex < end && t.endIndex > at);
    }
  }
  const place = [where.line !== undefined ? ` on line ${where.line}` : '', where.after !== undefined ? ` after "${where.after}"` : ''].join('');
  assert.fail(`"${needle}" not found${place} (occurrence ${where.nth ?? 0})`);
}

/** True when `scope` is `selector` or a more specific scope below it (the way themes match). */
export function scopeMatches(scope: string, selector: string): boolean {
  return scope === selector || scope.startsWith(`${selector}.`);
}

/** The scopes shared by every token covering the needle, innermost last. */
export function scopesOf(tokenized: TokenizedText, needle: string, where: Where = {}): string[] {
  const tokens = tokensOf(tokenized, needle, where);
  return tokens[0].scopes.filter((scope) => tokens.every((t) => t.scopes.includes(scope)));
}

/** Asserts that the whole needle is coloured by `selector` (e.g. `constant.other.mac-address`). */
export function assertScope(tokenized: TokenizedText, needle: string, selector: string, where: Where = {}): void {
  const scopes = scopesOf(tokenized, needle, where);
  assert.ok(
    scopes.some((s) => scopeMatches(s, selector)),
    `"${needle}" should be ${selector}, has [${scopes.join(', ')}]`,
  );
}

/** Asserts that no token of the needle carries `selector`. */
export function assertNotScope(tokenized: TokenizedText, needle: string, selector: string, where: Where = {}): void {
  for (const token of tokensOf(tokenized, needle, where)) {
    const wrong = token.scopes.find((s) => scopeMatches(s, selector));
    assert.equal(wrong, undefined, `"${token.text}" (in "${needle}") should not be ${selector}, has [${token.scopes.join(', ')}]`);
  }
}
