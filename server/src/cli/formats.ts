import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { levelsOf } from '../common/codes';
import { CODE_CATALOG } from '../workspace/codeCatalog';
import type { CheckResult } from './checker';

export type OutputFormat = 'text' | 'json' | 'sarif';

const SEVERITY_NAMES: Record<DiagnosticSeverity, 'error' | 'warning' | 'info' | 'hint'> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** Diagnostics here always carry plain-text messages; LSP 3.18 also allows markup. */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function severityName(d: Diagnostic): 'error' | 'warning' | 'info' | 'hint' {
  return SEVERITY_NAMES[d.severity ?? DiagnosticSeverity.Error];
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** `file:line:col: severity: message [code]`, one line per diagnostic, like a compiler. */
export function formatText(results: CheckResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const d of [...result.diagnostics].sort(byPosition)) {
      // A host's finding has no code of ours: its source (`xl@an-node01`) says who said it.
      const code = d.code !== undefined ? ` [${d.code}]` : d.source !== undefined ? ` [${d.source}]` : '';
      lines.push(`${result.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severityName(d)}: ${messageText(d)}${code}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

export function formatJson(results: CheckResult[]): string {
  const out = results.map((result) => ({
    file: result.file,
    language: result.languageId,
    diagnostics: [...result.diagnostics].sort(byPosition).map((d) => ({
      line: d.range.start.line + 1,
      col: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endCol: d.range.end.character + 1,
      severity: severityName(d),
      code: d.code ?? null,
      message: messageText(d),
      ...(d.code === undefined && d.source !== undefined ? { source: d.source } : {}),
    })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}

const SARIF_LEVELS = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** The base every relative `artifactLocation.uri` is resolved against: the folder the check ran in. */
const SRCROOT = '%SRCROOT%';

/**
 * Where a file is, as SARIF wants it: below `root`, a relative URI reference
 * (each path segment percent-encoded: a space, `#`, `%`, a non-ASCII letter)
 * against `%SRCROOT%`; elsewhere, an absolute file: URI.
 */
export function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  const path = relative(root, resolve(root, file));
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return { uri: pathToFileURL(resolve(root, file)).href };
  return { uri: path.split(sep).map((segment) => encodeURIComponent(wellFormed(segment))).join('/'), uriBaseId: SRCROOT };
}

/** A lone surrogate (which `encodeURIComponent` throws on) becomes U+FFFD, as the URL standard does. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The repository (package.json's `repository.url`, held equal to it by test/cli/sarif.test.ts): the tool's home and the base of each rule's help. */
export const REPOSITORY_URL = 'https://github.com/xen-cluster-config/xen-cluster-config';

/** `xl/unknown-key` → `Unknown key`: the code's name, read as words. */
function titleOf(code: string): string {
  const words = code.slice(code.indexOf('/') + 1).replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A SARIF `reportingDescriptor`: what the rule is, why its severity, where its docs are, and how to silence it. */
function ruleOf(id: string): object {
  const info = CODE_CATALOG.get(id);
  if (!info) return { id, shortDescription: { text: titleOf(id) } };
  const levels = levelsOf(info);
  const help =
    `${info.why} Reported as ${levels.join(' or ')}. ` +
    `To silence it on one line, put 'xcc-ignore ${id}' in a comment on the line before; to change its severity, pass --severity ${id}=LEVEL.`;
  return {
    id,
    shortDescription: { text: titleOf(id) },
    fullDescription: { text: info.why },
    help: { text: help },
    helpUri: `${REPOSITORY_URL}/blob/main/${info.docs}`,
    defaultConfiguration: { level: SARIF_LEVELS[levels[0]] },
  };
}

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, one rule per code
 * reported (its description from the codes tables), each result pointing at
 * its rule by id and index; paths relative to `root` (the working folder).
 */
export function formatSarif(results: CheckResult[], toolVersion: string, root: string): string {
  const ruleIds = new Set<string>();
  const reported: { result: CheckResult; d: Diagnostic; ruleId: string }[] = [];
  for (const result of results) {
    for (const d of [...result.diagnostics].sort(byPosition)) {
      const ruleId = String(d.code ?? `${result.languageId}/diagnostic`);
      ruleIds.add(ruleId);
      reported.push({ result, d, ruleId });
    }
  }
  const rules = [...ruleIds].sort();
  const ruleIndex = new Map(rules.map((id, i) => [id, i]));
  const sarifResults = [];
  for (const { result, d, ruleId } of reported) {
    sarifResults.push({
      ruleId,
      ruleIndex: ruleIndex.get(ruleId)!,
      level: SARIF_LEVELS[severityName(d)],
      message: { text: messageText(d) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(result.file, root),
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    });
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'xen-cluster-config',
            version: toolVersion,
            informationUri: REPOSITORY_URL,
            rules: rules.map(ruleOf),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(root.endsWith(sep) ? root : root + sep).href } },
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
