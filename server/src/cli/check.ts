import { statSync } from 'node:fs';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LANGUAGE_IDS, languageForPath } from '../languages/registry';
import type { Level } from '../common/codes';
import { didYouMean, suggestionSuffix } from '../common/didYouMean';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_SETTINGS, LanguageId, Settings } from '../languages/types';
import { eachArgument, UsageError } from './arguments';
import { checkFiles, CheckFilesOptions, CheckResult, SourceFile } from './checker';
import { formatJson, formatSarif, formatText, OutputFormat } from './formats';
import { CODE_CATALOG } from '../workspace/codeCatalog';
import { fsReason, nonRegularKind, readConfigFileSync, UnreadableFile } from '../workspace/disk';
import { errorText } from '../common/errorText';
import { failedStep } from '../workspace/runner';
import { walkFolder } from '../workspace/walk';

export const CHECK_USAGE = `usage: cli.js check [--format text|json|sarif] [--language ID] [--xen-version X.Y]
                    [--toolstack xl|xm] [--drbd-dialect auto|8.3|8.4|9]
                    [--drbd-utils VERSION] [--max-file-size BYTES]
                    [--severity CODE=LEVEL]... [--fail-on error|warning] PATH...

Checks Xen domain configs, xend-config.sxp, iftab, DRBD and cluster.conf files.
Folders are walked and files picked by the same patterns as the editor extension;
a file named explicitly is always checked (language from its name, or --language).
A file larger than --max-file-size (default 4194304, 0 for no limit) gets syntax
checks only. In a folder, a subfolder that cannot be listed or a config-named link
that leads nowhere is reported as a warning and skipped.
--severity CODE=LEVEL (repeatable) reports CODE at LEVEL: error, warning, info,
hint, or off to drop it; '# xcc-ignore CODE' in a file silences it on the next
line (docs/severity.md).
Exit status: 0 no errors, 1 errors found (with --fail-on warning: errors or
warnings), 2 bad usage or unreadable input (a path that is missing, not a
regular file or folder, or cannot be read, or a file the checker failed on);
the other files are still checked and reported.
Languages: ${LANGUAGE_IDS.join(', ')}`;


type FailOn = 'error' | 'warning';

interface CheckOptions {
  format: OutputFormat;
  /** The least severity that makes the exit status 1. */
  failOn: FailOn;
  language?: LanguageId;
  settings: Settings;
  paths: string[];
}

export function parseCheckArguments(args: string[]): CheckOptions {
  const options: CheckOptions = { format: 'text', failOn: 'error', settings: structuredClone(DEFAULT_SETTINGS), paths: [] };
  const severities: Record<string, Level | 'off'> = {};
  for (const { arg, value } of eachArgument(args)) {
    if (arg === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format '${format}': use text, json or sarif`);
      options.format = format;
    } else if (arg === '--language') {
      const language = value();
      if (!(LANGUAGE_IDS as readonly string[]).includes(language)) throw new UsageError(`unknown language '${language}': use one of ${LANGUAGE_IDS.join(', ')}`);
      options.language = language as LanguageId;
    } else if (arg === '--xen-version') {
      const version = value();
      if (!/^\d+(\.\d+)*$/.test(version)) throw new UsageError(`--xen-version wants a version such as 4.19, not '${version}'`);
      options.settings.xen.version = version;
    } else if (arg === '--toolstack') {
      const toolstack = value();
      if (toolstack !== 'xl' && toolstack !== 'xm') throw new UsageError(`--toolstack is xl or xm, not '${toolstack}'`);
      options.settings.xen.toolstack = toolstack;
    } else if (arg === '--drbd-dialect') {
      const dialect = value();
      if (dialect !== 'auto' && dialect !== '8.3' && dialect !== '8.4' && dialect !== '9') throw new UsageError(`--drbd-dialect is auto, 8.3, 8.4 or 9, not '${dialect}'`);
      options.settings.drbd.dialect = dialect;
    } else if (arg === '--drbd-utils') {
      const version = value();
      if (!/^\d+(\.\d+)*$/.test(version)) throw new UsageError(`--drbd-utils wants a drbd-utils release such as 9.22, not '${version}'`);
      options.settings.drbd.utilsVersion = version;
    } else if (arg === '--max-file-size') {
      const bytes = value();
      if (!/^\d+$/.test(bytes) || !Number.isSafeInteger(Number(bytes))) throw new UsageError(`--max-file-size wants a number of bytes (0 for no limit), not '${bytes}'`);
      options.settings.diagnostics = { ...options.settings.diagnostics, maxFileSize: Number(bytes) };
    } else if (arg === '--severity') {
      const [code, level] = severityArgument(value());
      severities[code] = level;
    } else if (arg === '--fail-on') {
      const level = value();
      if (level !== 'error' && level !== 'warning') throw new UsageError(`--fail-on is error or warning, not '${level}'`);
      options.failOn = level;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}'`);
    } else {
      options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) throw new UsageError('no files or folders to check');
  if (Object.keys(severities).length > 0) options.settings.diagnostics = { maxFileSize: DEFAULT_MAX_FILE_SIZE, ...options.settings.diagnostics, severity: severities };
  return options;
}

const LEVELS: readonly (Level | 'off')[] = ['error', 'warning', 'info', 'hint', 'off'];

/** `xl/unknown-key=warning` as a code of ours and a level; a typo in either is a usage error (CI should not silently check less). */
function severityArgument(argument: string): [string, Level | 'off'] {
  const equals = argument.lastIndexOf('=');
  const code = argument.slice(0, Math.max(equals, 0));
  const level = argument.slice(equals + 1);
  if (equals <= 0) throw new UsageError(`--severity wants CODE=LEVEL, such as xl/unknown-key=warning, not '${argument}'`);
  if (!CODE_CATALOG.has(code)) throw new UsageError(`--severity: '${code}' is no code of this checker${suggestionSuffix(didYouMean(code, CODE_CATALOG.keys()))}`);
  if (!(LEVELS as readonly string[]).includes(level)) throw new UsageError(`--severity ${code}: the level is ${LEVELS.join(', ')}, not '${level}'`);
  return [code, level as Level | 'off'];
}

/**
 * Runs `check`; returns the exit status and what to print. Input that cannot
 * be checked (a missing path, a FIFO, an unreadable file, a file a language
 * service threw on) is one `error:` line on stderr naming it and exit 2, and
 * the other files are still checked and printed; an entry of a walked folder
 * that cannot be looked into is one `warning:` line and is skipped.
 */
export async function runCheck(
  args: string[],
  toolVersion: string,
  checkOptions: CheckFilesOptions = {},
  /** A further check of the results (the host check of `--host`); its errors are `error:` lines. */
  afterCheck?: (results: CheckResult[]) => Promise<{ results: CheckResult[]; errors: string[] }>,
): Promise<{ status: number; stdout: string; stderr: string }> {
  const options = parseCheckArguments(args);
  const files: SourceFile[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const path of options.paths) {
    let stat;
    try {
      stat = statSync(path, { throwIfNoEntry: false });
    } catch (error) {
      errors.push(`${path}: cannot read: ${fsReason(error)}`);
      continue;
    }
    if (!stat) {
      errors.push(`${path}: no such file or folder`);
      continue;
    }
    if (!stat.isDirectory() && !stat.isFile()) {
      errors.push(`${path}: ${nonRegularKind(stat)}, not a regular file: not checked`);
      continue;
    }
    const targets = stat.isDirectory()
      ? walkFolder(path, {
          onProblem: (problem) => (problem.path === path ? errors : warnings).push(`${problem.path}: ${problem.reason}${problem.path === path ? '' : ': skipped'}`),
        }).map((f) => ({ path: f.path, languageId: options.language ?? f.languageId }))
      : [{ path, languageId: options.language ?? languageForPath(path) }];
    for (const target of targets) {
      if (!target.languageId) {
        errors.push(`${path}: cannot tell the language from the file name; pass --language (${LANGUAGE_IDS.join(', ')})`);
        continue;
      }
      try {
        files.push({ path: target.path, languageId: target.languageId, text: readConfigFileSync(target.path) });
      } catch (error) {
        if (!(error instanceof UnreadableFile)) throw error;
        errors.push(`${target.path}: cannot read: ${error.reason}`);
      }
    }
  }

  let results = checkFiles(files, options.settings, process.cwd(), checkOptions);
  if (afterCheck) {
    const after = await afterCheck(results);
    results = after.results;
    errors.push(...after.errors);
  }
  for (const result of results) {
    for (const failure of result.failures ?? []) errors.push(`${result.file}: ${failedStep(failure)} threw ${errorText(failure.error)} (an internal error: the file is not fully checked)`);
  }
  const stdout =
    options.format === 'json'
      ? formatJson(results)
      : options.format === 'sarif'
        ? formatSarif(results, toolVersion, process.cwd())
        : formatText(results);
  const failing = options.failOn === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
  const fails = results.some((r) => r.diagnostics.some((d) => (d.severity ?? DiagnosticSeverity.Error) <= failing));
  const summary =
    options.format === 'text' && (results.length > 0 || errors.length === 0)
      ? `checked ${counted(results.length, 'file', 'files')}${notFully(results)}: ${countBySeverity(results)}\n`
      : '';
  const lines = [...warnings.map((w) => `warning: ${w}\n`), ...errors.map((e) => `error: ${e}\n`)].join('');
  return { status: errors.length > 0 ? 2 : fails ? 1 : 0, stdout, stderr: lines + summary };
}

function notFully(results: CheckResult[]): string {
  const failed = results.filter((r) => r.failures).length;
  return failed > 0 ? ` (${failed} not fully)` : '';
}

/** The words of each severity in the summary, singular and plural; an info is counted as a note, as SARIF names it. */
const COUNTED: [string, string][] = [
  ['error', 'errors'],
  ['warning', 'warnings'],
  ['note', 'notes'],
  ['hint', 'hints'],
];

/** `1 error, 2 warnings, 3 notes, 1 hint`: every count, each noun in the number it needs. */
export function countBySeverity(results: { diagnostics: { severity?: DiagnosticSeverity }[] }[]): string {
  const counts = [0, 0, 0, 0];
  for (const r of results) for (const d of r.diagnostics) counts[(d.severity ?? 1) - 1]++;
  return counts.map((count, i) => counted(count, ...COUNTED[i])).join(', ');
}

/** `1 file`, `0 files`, `2 files`. */
function counted(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
