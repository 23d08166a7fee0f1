/**
 * The Neovim, Helix and Emacs configurations of README.md (and the language server package's README,
 * which repeats them) pick the same language, by the same language id, as the extension and the CLI
 * (server/src/languages/registry.ts) for the files where these configs really live. Each editor's
 * patterns are read from the README and matched the way that editor matches them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { matchesGlob } from '../../../server/src/common/glob';
import { LANGUAGE_IDS, languageForPath } from '../../../server/src/languages/registry';
import { REPO_ROOT } from '../../helpers/fixtures';

const SERVER_COMMAND = 'xen-cluster-config-language-server';

/** Files of every language and of none, one or more per pattern of the registry. */
const PATHS = [
  '/etc/xen/web1.cfg',
  '/etc/xen/guests/web1.cfg',
  '/etc/xen/auto/web1',
  '/etc/xen/xl.conf',
  '/srv/repo/xen/xl.conf',
  '/usr/share/doc/xen/xmexample1',
  '/home/me/xlexample.hvm',
  '/home/me/web1.xl',
  '/etc/xen/xend-config.sxp',
  '/etc/xen/xend-config-xenapi.sxp',
  '/home/me/old.sxp',
  '/etc/iftab',
  '/srv/repo/guest.iftab',
  '/etc/drbd.conf',
  '/etc/drbd.d/global_common.conf',
  '/etc/drbd.d/r0.res',
  '/etc/drbd.d/extra.conf',
  '/srv/repo/r0.res',
  '/etc/cluster/cluster.conf',
  '/etc/nginx/xl.conf',
  '/home/me/app/settings.cfg',
  '/etc/ssh/sshd_config',
  '/etc/resolv.conf',
];

function codeBlock(readme: string, language: string): string {
  const blocks = [...readme.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
  assert.equal(blocks.length, 1, `one \`\`\`${language} block`);
  return blocks[0];
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const extensionOf = (path: string) => (baseName(path).includes('.') ? baseName(path).slice(baseName(path).lastIndexOf('.') + 1) : undefined);

/**
 * Neovim's vim.filetype.add: a file name wins over a pattern, which wins over the extension. A pattern
 * is a Lua pattern anchored at both ends, matched against the full path when it has a '/' and against
 * the file name otherwise (runtime/lua/vim/filetype.lua, match_pattern).
 */
function neovimPicker(lua: string): (path: string) => string | undefined {
  const tables: Record<string, [string, string][]> = { extension: [], filename: [], pattern: [] };
  let table: string | undefined;
  for (const line of lua.split('\n')) {
    const opened = /^\s*(extension|filename|pattern) = \{$/.exec(line);
    if (opened) table = opened[1];
    else if (/^\s*\},$/.test(line)) table = undefined;
    else if (table) {
      const entry = /^\s*(?:\['(.+)'\]|(\w+)) = '([\w-]+)',$/.exec(line);
      assert.ok(entry, `unexpected line in the ${table} table: ${line}`);
      tables[table].push([entry[1] ?? entry[2], entry[3]]);
    }
  }
  const luaPattern = (pattern: string) => new RegExp(`^${pattern.replace(/%(.)/g, (_, ch: string) => `\\${ch}`)}$`);
  return (path) =>
    tables.filename.find(([name]) => name === baseName(path))?.[1] ??
    tables.pattern.find(([pattern]) => luaPattern(pattern).test(pattern.includes('/') ? path : baseName(path)))?.[1] ??
    tables.extension.find(([extension]) => extension === extensionOf(path))?.[1];
}

/** Helix's languages.toml: a glob matches the end of the path (as if it began with any folders), then a bare entry is an extension. */
function helixPicker(toml: string): (path: string) => string | undefined {
  const languages = toml.split('[[language]]').slice(1).map((section) => {
    const name = /^name = "([\w-]+)"$/m.exec(section)?.[1];
    const fileTypes = /^file-types = \[(.*)\]$/m.exec(section)?.[1] ?? '';
    assert.match(section, new RegExp(`^language-servers = \\["xen-cluster-config"\\]$`, 'm'), `${name} uses the server`);
    return {
      name,
      globs: [...fileTypes.matchAll(/\{ glob = "([^"]+)" \}/g)].map((m) => m[1]),
      extensions: [...fileTypes.replace(/\{[^}]*\}/g, '').matchAll(/"([^"]+)"/g)].map((m) => m[1]),
    };
  });
  return (path) =>
    languages.find((l) => l.globs.some((glob) => matchesGlob(path, `**/${glob}`)))?.name ??
    languages.find((l) => l.extensions.includes(extensionOf(path) ?? ''))?.name;
}

/** Emacs: each entry is pushed to the front of auto-mode-alist, and the first regexp that matches names the mode; eglot's language id is the mode's name without "-mode". */
function emacsPicker(elisp: string): (path: string) => string | undefined {
  const entries = [...elisp.matchAll(/\("((?:[^"\\]|\\.)+)" \. ([\w-]+)-mode\)/g)].map((m) => {
    const regexp = m[1].replace(/\\\\/g, '\\').replace(/\\'/g, '$').replace(/\\\(/g, '(').replace(/\\\)/g, ')').replace(/\\\|/g, '|');
    return { regexp: new RegExp(regexp), id: m[2] };
  });
  assert.ok(entries.length > 0, 'auto-mode-alist entries');
  const alist = [...entries].reverse();
  return (path) => alist.find((entry) => entry.regexp.test(path))?.id;
}

for (const [readmeName, readmePath] of [
  ['README.md', join(REPO_ROOT, 'README.md')],
  ['the language server package README', join(REPO_ROOT, 'packages', 'language-server', 'README.md')],
]) {
  describe(`editor configurations in ${readmeName}`, () => {
    const readme = readFileSync(readmePath, 'utf8');
    const editors: [string, string, (block: string) => (path: string) => string | undefined][] = [
      ['Neovim', 'lua', neovimPicker],
      ['Helix', 'toml', helixPicker],
      ['Emacs', 'elisp', emacsPicker],
    ];
    for (const [editor, language, picker] of editors) {
      it(`${editor}: starts the bin with --stdio for every language id`, () => {
        const block = codeBlock(readme, language);
        assert.ok(block.includes(SERVER_COMMAND) && block.includes('--stdio'), `${editor} runs ${SERVER_COMMAND} --stdio`);
        for (const id of LANGUAGE_IDS) assert.ok(block.includes(id), `${editor} names ${id}`);
      });

      it(`${editor}: picks the language the extension picks`, () => {
        const pick = picker(codeBlock(readme, language));
        for (const path of PATHS) assert.equal(pick(path), languageForPath(path), path);
      });
    }
  });
}
