/**
 * Snippets, as the language server offers them (completion items of kind
 * Snippet, at the start of an empty file): one prefix each, described, and —
 * what matters to a user — the file they produce when every default is
 * accepted is a valid config: the project's own checker reports no error on
 * it, its MACs are Xen guest MACs, the grammar colours it, and, where the real
 * tool is installed, that tool accepts it too.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CompletionItem, CompletionItemKind, DiagnosticSeverity, InsertTextFormat } from 'vscode-languageserver-types';
import { parseMac } from '../../server/src/common/mac';
import { oracleFor } from '../helpers/oracles';
import { serviceFor } from '../../server/src/languages/registry';
import { LANGUAGE_IDS } from '../../server/src/languages/registry';
import { LanguageId } from '../../server/src/languages/types';
import { REPO_ROOT, SAMPLE_PATHS, testContext } from '../helpers/fixtures';
import { expandWithDefaults, parseSnippet, snippetProblems } from '../helpers/snippets';
import { tokenizeText } from '../helpers/tokenize';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

/** The snippet items the server offers at the start of an empty file of `id`. */
function offeredSnippets(id: LanguageId): [string, CompletionItem][] {
  const service = serviceFor(id)!;
  const ctx = testContext(SAMPLE_PATHS[id]);
  const items = service.complete(service.parse('', ctx), { line: 0, character: 0 }, ctx);
  return items.filter((item) => item.kind === CompletionItemKind.Snippet).map((item) => [item.label, item]);
}

function bodyText(item: CompletionItem): string {
  assert.equal(item.insertTextFormat, InsertTextFormat.Snippet, `${item.label}: not a snippet`);
  return item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : (item.insertText ?? '');
}

function expanded(item: CompletionItem): string {
  return expandWithDefaults(parseSnippet(bodyText(item)));
}

/** The real upstream checker for a language (see /work/shared/oracles/README.md), when installed. */
function oracleCommand(id: LanguageId, text: string): { command: string; args: string[] } | undefined {
  const command = oracleFor(id);
  if (!command) return undefined;
  const dialect = id === 'drbd' ? ['--dialect', /\bnode-id\b/.test(text) ? '9' : '84'] : [];
  return { command, args: dialect };
}

describe('snippets', () => {
  it('come from the language server, not from static snippet files (which VS Code offers everywhere)', () => {
    assert.equal(manifest.contributes.snippets, undefined);
  });

  for (const id of LANGUAGE_IDS) {
    describe(id, () => {
      const snippets = offeredSnippets(id);

      it('offers snippets in an empty file, each with one prefix and a description, no prefix twice', () => {
        assert.ok(snippets.length > 0, `${id}: no snippets`);
        const prefixes = snippets.map(([label]) => label);
        assert.ok(prefixes.every((p) => /^[a-z0-9][a-z0-9-]*$/.test(p)), `${id}: prefixes ${prefixes.join(', ')}`);
        assert.equal(new Set(prefixes).size, prefixes.length, `${id}: a prefix is used twice`);
        for (const [name, item] of snippets) {
          const description = typeof item.documentation === 'object' ? item.documentation.value : '';
          assert.ok(description.length > 40 && (item.detail ?? '').length > 5, `${name}: describe what the snippet is for`);
          assert.ok(bodyText(item).length > 0, `${name}: empty body`);
        }
      });

      for (const [name, snippet] of snippets) {
        it(`"${name}": placeholders are well-formed`, () => {
          const nodes = parseSnippet(bodyText(snippet));
          assert.deepEqual(snippetProblems(nodes), [], name);
        });

        it(`"${name}": expanded with its defaults, the language service reports no error`, () => {
          const text = expanded(snippet);
          const service = serviceFor(id)!;
          const ctx = testContext(SAMPLE_PATHS[id]);
          const errors = service.validate(service.parse(text, ctx), ctx).filter((d) => d.severity === DiagnosticSeverity.Error);
          assert.deepEqual(
            errors.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.message}`),
            [],
            `${name} expands to:\n${text}`,
          );
        });

        it(`"${name}": expanded, every MAC is a unicast Xen guest MAC`, () => {
          for (const candidate of expanded(snippet).match(/\b[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}\b/g) ?? []) {
            const mac = parseMac(candidate)!;
            assert.ok(mac.xenRange && !mac.multicast, `${candidate} is not a unicast 00:16:3e MAC`);
            assert.ok(mac.octets[3] < 0x80, `${candidate}: xl keeps the fourth octet below 0x80`);
          }
        });

        it(`"${name}": expanded, the grammar colours it without an invalid scope`, async () => {
          const { tokens } = await tokenizeText(id, expanded(snippet));
          const invalid = tokens.find((t) => t.scopes.some((s) => s.startsWith('invalid')));
          assert.equal(invalid, undefined, `line ${(invalid?.line ?? 0) + 1}: "${invalid?.text}"`);
        });

        it(`"${name}": expanded, the real tool accepts it`, (t) => {
          const text = expanded(snippet);
          const oracle = oracleCommand(id, text);
          if (!oracle) {
            t.skip(id === 'xend-sxp' ? 'no oracle reads xend-config.sxp' : `the ${id} oracle is not installed (see shared/oracles/setup.sh)`);
            return;
          }
          const dir = mkdtempSync(join(tmpdir(), 'snippet-'));
          try {
            const file = join(dir, `${id}.conf`);
            writeFileSync(file, text);
            let output: string;
            try {
              output = execFileSync(oracle.command, [...oracle.args, file], { encoding: 'utf8' });
            } catch (error) {
              output = String((error as { stdout?: string }).stdout ?? '');
            }
            const verdict = JSON.parse(output) as { valid: boolean };
            assert.equal(verdict.valid, true, `${name} is rejected by the real tool:\n${output}\n--- expanded:\n${text}`);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        });
      }
    });
  }
});

describe('snippet expansion (test helper)', () => {
  it('takes the first default of a tabstop for its mirrors, the first choice, and resolves transforms', () => {
    assert.equal(expandWithDefaults(parseSnippet('${1:r0} ${2|C,B|} $1 ${3:/dev/vg/$1}')), 'r0 C r0 /dev/vg/r0');
    assert.equal(expandWithDefaults(parseSnippet('${RANDOM_HEX/^(?:([0-7])|[89a-f])(.)(..)(..)$/${1:-0}$2:$3:$4/}')), '05:0c:7e');
    assert.equal(expandWithDefaults(parseSnippet('cost \\$5 {}')), 'cost $5 {}');
  });

  it('rejects what VS Code would silently insert as text', () => {
    assert.throws(() => parseSnippet("'^host$'"), /starts no tabstop or variable/);
    assert.throws(() => parseSnippet('${1:open'), /never closed/);
    assert.deepEqual(snippetProblems(parseSnippet('$1 $3')), ['tabstops are numbered 1, 3: $2 is missing']);
    assert.deepEqual(snippetProblems(parseSnippet('${1:a} ${1:b}')), ['tabstop $1 has two different defaults']);
    assert.deepEqual(snippetProblems(parseSnippet('$RANDOMHEX')), ['unknown variable $RANDOMHEX (VS Code would insert its name)']);
  });
});
