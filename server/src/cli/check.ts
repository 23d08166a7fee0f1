import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LANGUAGE_IDS, languageForPath } from '../languages/registry';
import { DEFAULT_SETTINGS, LanguageId, Settings } from '../languages/types';
import { checkFiles, SourceFile } from './checker';
import { formatJson, formatSarif, formatText, OutputFormat } from './formats';
import { walkFolder } from '../workspace/walk';

export const CHECK_USAGE = `usage: cli.js check [--format text|json|sarif] [--language ID] [--xen-version X.Y]
                    [--toolstack xl|xm] [--drbd-dialect auto|8.3|8.4|9]
                    [--drbd-utils VERSION] PATH...

Checks Xen domain configs, xend-config.sxp, iftab, DRBD and cluster.conf files.
Folders are walked and files picked by the same patterns as the editor extension;
a file named explicitly is always checked (language from its name, or --language).
Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input.
Languages: ${LANGUAGE_IDS.join(', ')}`;

export class UsageError extends Error {}

interface CheckOptions {
  format: OutputFormat;
  language?: LanguageId;
  settings: Settings;
  paths: string[];
}

export function parseCheckArguments(args: string[]): CheckOptions {
  const options: CheckOptions = { format: 'text', settings: structuredClone(DEFAULT_SETTINGS), paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
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
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}'`);
    } else {
      options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) throw new UsageError('no files or folders to check');
  return options;
}

/** Runs `check`; returns the exit status and what to print. */
export function runCheck(args: string[], toolVersion: string): { status: number; stdout: string; stderr: string } {
  const options = parseCheckArguments(args);
  const files: SourceFile[] = [];
  const problems: string[] = [];
  for (const path of options.paths) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) {
      problems.push(`${path}: no such file or folder`);
      continue;
    }
    const targets = stat.isDirectory()
      ? walkFolder(path).map((f) => ({ path: f.path, languageId: options.language ?? f.languageId }))
      : [{ path, languageId: options.language ?? languageForPath(path) }];
    for (const target of targets) {
      if (!target.languageId) {
        problems.push(`${path}: cannot tell the language from the file name; pass --language (${LANGUAGE_IDS.join(', ')})`);
        continue;
      }
      try {
        files.push({ path: target.path, languageId: target.languageId, text: readFileSync(target.path, 'utf8') });
      } catch (error) {
        problems.push(`${target.path}: cannot read: ${(error as Error).message}`);
      }
    }
  }
  if (problems.length > 0) return { status: 2, stdout: '', stderr: problems.map((p) => `error: ${p}`).join('\n') + '\n' };

  const results = checkFiles(files, options.settings, process.cwd());
  const stdout =
    options.format === 'json'
      ? formatJson(results)
      : options.format === 'sarif'
        ? formatSarif(results, toolVersion, (file) => relative(process.cwd(), file).replace(/\\/g, '/'))
        : formatText(results);
  const hasErrors = results.some((r) => r.diagnostics.some((d) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error));
  const stderr =
    options.format === 'text'
      ? `checked ${results.length} file${results.length === 1 ? '' : 's'}: ${countBySeverity(results)}\n`
      : '';
  return { status: hasErrors ? 1 : 0, stdout, stderr };
}

function countBySeverity(results: { diagnostics: { severity?: DiagnosticSeverity }[] }[]): string {
  const counts = [0, 0, 0, 0];
  for (const r of results) for (const d of r.diagnostics) counts[(d.severity ?? 1) - 1]++;
  return `${counts[0]} errors, ${counts[1]} warnings, ${counts[2]} infos, ${counts[3]} hints`;
}
