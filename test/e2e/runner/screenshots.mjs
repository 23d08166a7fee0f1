// `npm run screenshots`: real use of the extension in VS Code (code-server + headless Chromium),
// captured into docs/images/ for README.md. Each scene opens a file of a throw-away copy of examples/
// (plus the broken files below), drives the editor with the keyboard as a user would, waits for the
// widget it shows (squiggles, hover, completion list, quick-fix menu, tree) and takes the picture.
// A scene whose widget never appears is reported and the script exits 1: a screenshot must show
// what a user would see, never an empty editor.
// Usage: npm run screenshots [-- scene-name ...]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MissingTools } from '../../../scripts/ensure-tools.mjs';
import { launchChromium } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { ensureRunnerInstalled } from './install.mjs';
import { startDom0StandIn } from './dom0StandIn.mjs';
import { copyExamplesWorkspace, repoRoot } from './workspace.mjs';

const OUTPUT_DIR = join(repoRoot, 'docs', 'images');
const WIDGET_TIMEOUT_MS = 20_000;
/** How long a dom0 may take to answer its first refresh (the stand-in in a second, the xenlab dom0 in up to a minute). */
const HOST_ANSWER_MS = 90_000;

/** Files added to the workspace copy: realistic mistakes for the diagnostics and quick-fix scenes. */
const DEMO_FILES = {
  'etc/xen/vm03-app.cfg': [
    '# vm03-app: a PVH guest on the shared volume group.',
    'name = "vm03-app"',
    'type = "pvh"',
    'kernel = "/usr/lib/grub-xen/grub-i386-xen_pvh.bin"',
    'vcpus = 2',
    'vif = [ "mac=00:16:3e:00:01:03, bridge=xenbr0" ]',
    'disk = [ "format=raw, vdev=xvda, access=rw, target=/dev/drbd_sh0_vg0/vm03-app" ]',
    // Blank lines: the hover shown under line 3 must not cover the mistakes.
    '',
    '',
    '',
    '',
    '# Added by hand later, with the mistakes such edits really have:',
    'memroy = 1024',
    'on_crash = "reboot"',
    'restart = "always"',
    '',
  ].join('\n'),
  // Pasted together from a wiki and a colleague's mail: the formatter scenes lay it out.
  'etc/drbd.d/r1.res': [
    '# Single-primary storage for the database guest.',
    'resource r1 {',
    '  device    /dev/drbd1;',
    'meta-disk internal;',
    '      net {',
    'protocol C;',
    '           after-sb-0pri discard-zero-changes;',
    '  after-sb-1pri discard-secondary;',
    '}',
    '    disk {',
    '\tresync-rate 40M;',
    '      }',
    'on an-node01.alteeve.com {',
    '        address 192.168.2.71:7790;',
    '  disk    /dev/md4;',
    '}',
    '      on an-node02.alteeve.com {',
    'address 192.168.2.72:7790;',
    '            disk    /dev/md4;',
    '   }',
    '}',
    '',
  ].join('\n'),
};

/** The editor shows its text with syntax colours (a token of another colour than plain text, mtk1). */
const coloured = () => document.querySelector('.editor-instance .view-lines span[class^="mtk"]:not(.mtk1)') !== null;

/** The editor's text as shown (the DOM writes blanks as no-break spaces). */
const shownText = () => document.querySelector('.editor-instance .view-lines')?.textContent.replace(/\u00a0/g, ' ') ?? '';

const SCENES = [
  {
    name: 'xl-diagnostics-hover',
    caption: 'An xl domain config: problems underlined and listed, hover documentation on a key',
    file: 'etc/xen/vm03-app.cfg',
    async act(ui) {
      await ui.waitFor('.squiggly-warning, .squiggly-error', 'diagnostics underlined in the editor');
      await ui.keys('Control+Shift+M'); // View: Problems
      await ui.waitFor('.markers-panel .monaco-list-row', 'the Problems list');
      await ui.focusEditor();
      await ui.goTo(3, 2); // type: its hover opens below it, above the mistakes at the end
      await ui.keys('Control+K', 'Control+I');
      await ui.waitFor('.monaco-hover:not(.hidden) .hover-contents', 'a hover');
      // The hover fades in: a picture taken mid-animation shows the code through it.
      await ui.waitUntil(() => document.getAnimations().every((a) => a.playState !== 'running'), 'the hover to finish fading in');
    },
  },
  {
    name: 'xl-quick-fix',
    caption: 'The light bulb menu on a misspelt key offers the fix',
    file: 'etc/xen/vm03-app.cfg',
    async act(ui) {
      await ui.waitFor('.squiggly-warning, .squiggly-error', 'diagnostics underlined in the editor');
      await ui.goTo(13, 2); // memroy
      await ui.keys('Control+.');
      await ui.waitFor('.action-widget .monaco-list-row.action', 'the quick-fix menu');
    },
  },
  {
    name: 'xl-completion-relevance',
    caption: 'Completion in relevance order: what a PVH guest still lacks first; keys already set, HVM-only and deprecated ones last',
    file: 'etc/xen/vm03-app.cfg',
    async act(ui) {
      await ui.waitFor('.squiggly-warning, .squiggly-error', 'diagnostics underlined in the editor');
      await ui.goTo(8, 1); // the first blank line, below the settings of the guest
      await ui.keys('Control+Space');
      await ui.waitFor('.suggest-widget.visible .monaco-list-row', 'the completion list');
      if (!(await ui.isVisible('.suggest-details-container .suggest-details .docs'))) await ui.keys('Control+Space');
      await ui.waitFor('.suggest-details-container .suggest-details .docs', 'the documentation beside the completion list');
    },
  },
  {
    name: 'cluster-conf-completion',
    caption: 'cluster.conf: completion of the attributes an element allows, with their documentation',
    file: 'etc/cluster/cluster.conf',
    async act(ui) {
      await ui.goToText('<cman ');
      await ui.keys('End', 'ArrowLeft', 'ArrowLeft'); // before "/>"
      await ui.type(' ');
      await ui.keys('Control+Space');
      await ui.waitFor('.suggest-widget.visible .monaco-list-row', 'the completion list');
      // "Read More" (Ctrl+Space again) toggles the documentation of the selected item, and VS Code
      // remembers the choice: press it only when the documentation is not shown already.
      if (!(await ui.isVisible('.suggest-details-container .suggest-details .docs'))) await ui.keys('Control+Space');
      await ui.waitFor('.suggest-details-container .suggest-details .docs', 'the documentation beside the completion list');
    },
  },
  {
    name: 'drbd-format-before',
    caption: 'Before "Format Document": a DRBD resource pasted together with every indentation',
    file: 'etc/drbd.d/r1.res',
    async act(ui) {
      await ui.waitUntil(coloured, 'the resource in the editor, coloured');
      await ui.moveMouseAway();
    },
  },
  {
    name: 'drbd-format-after',
    caption: 'After "Format Document": indented by section, values and comments as written',
    file: 'etc/drbd.d/r1.res',
    async act(ui) {
      await ui.waitUntil(coloured, 'the resource in the editor, coloured');
      await ui.focusEditor();
      await ui.runCommand('Format Document');
      await ui.waitUntil(shownText, 'the formatted resource', '        resync-rate 40M;');
      await ui.moveMouseAway();
    },
  },
  {
    name: 'dom0-explorer',
    caption: "The dom0 explorer: a host's domains with state, memory and vCPUs",
    file: 'etc/xen/vm01-web.cfg',
    needsDom0: true,
    async act(ui) {
      await ui.click('.activitybar .action-item a[aria-label^="Xen dom0"]', 'the Xen dom0 view container');
      await ui.waitFor('.pane-body .monaco-list-row[aria-level="1"]', 'a host in the dom0 explorer');
      // The host's rows read "Connecting..." until the stand-in's answers are in.
      await ui.waitUntil(
        () => [...document.querySelectorAll('.pane-body .monaco-list-row[aria-level="2"]')].map((row) => row.textContent).join(' ').includes('domu2'),
        'the domains of the host (domu1, domu2)',
        undefined,
        HOST_ANSWER_MS, // the real lab (TCG, no KVM) takes 10-20 s for one refresh
      );
      await ui.dragSideBarEdgeTo(600); // room for each row's state, memory and vCPUs
      await ui.clickRow(2, 'domu2');
      await ui.waitFor('.pane-body .monaco-list-row[aria-level="3"]', "domu2's disks and interfaces");
      await ui.moveMouseAway();
    },
  },
];

/** A copy of examples/ plus DEMO_FILES. */
function demoWorkspace() {
  const workspace = copyExamplesWorkspace();
  for (const [path, text] of Object.entries(DEMO_FILES)) {
    mkdirSync(dirname(join(workspace.folder, path)), { recursive: true });
    writeFileSync(join(workspace.folder, path), text);
  }
  return workspace;
}

/** Keyboard-and-DOM steps on the workbench page, each bounded by WIDGET_TIMEOUT_MS. */
function workbench(page) {
  const ui = {
    async waitFor(selector, what) {
      try {
        await page.waitForSelector(selector, { state: 'visible', timeout: WIDGET_TIMEOUT_MS });
      } catch {
        throw new Error(`${what} did not appear within ${WIDGET_TIMEOUT_MS / 1000} s (selector ${selector})`);
      }
    },
    async isVisible(selector) {
      return page.locator(selector).first().isVisible();
    },
    /** Waits until `predicate` (run in the page) is true, or, with `includes`, until the text it returns includes it. */
    async waitUntil(predicate, what, includes, timeoutMs = WIDGET_TIMEOUT_MS) {
      const test = includes === undefined ? predicate : `(${predicate.toString()})().includes(${JSON.stringify(includes)})`;
      try {
        await page.waitForFunction(test, undefined, { timeout: timeoutMs });
      } catch {
        throw new Error(`${what} did not appear within ${timeoutMs / 1000} s`);
      }
    },
    async keys(...chord) {
      for (const key of chord) await page.keyboard.press(key);
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async click(selector, what) {
      await ui.waitFor(selector, what);
      await page.locator(selector).first().click();
    },
    /** Clicks the tree row at `level` whose text has `text` (re-found if the tree re-renders). */
    async clickRow(level, text) {
      await page.locator(`.pane-body .monaco-list-row[aria-level="${level}"]`, { hasText: text }).click({ timeout: WIDGET_TIMEOUT_MS });
    },
    async dragSideBarEdgeTo(x) {
      const sideBar = await page.locator('.part.sidebar').boundingBox();
      const edge = sideBar.x + sideBar.width;
      const sashes = await Promise.all((await page.locator('.monaco-sash.vertical').all()).map((sash) => sash.boundingBox()));
      const sash = sashes.filter(Boolean).sort((a, b) => Math.abs(a.x + a.width / 2 - edge) - Math.abs(b.x + b.width / 2 - edge))[0];
      await page.mouse.move(sash.x + sash.width / 2, sash.y + sash.height / 2);
      await page.mouse.down();
      await page.mouse.move(x, sash.y + sash.height / 2, { steps: 5 });
      await page.mouse.up();
    },
    /** Parks the mouse over the editor's empty space, so no tooltip covers the picture. */
    async moveMouseAway() {
      await page.mouse.move(1000, 700);
    },
    async focusEditor() {
      await page.locator('.editor-instance .view-lines').first().click();
    },
    /** Runs a command by its title from the Command Palette. */
    async runCommand(title) {
      await page.keyboard.press('Control+Shift+P');
      await ui.waitFor('.quick-input-widget input', 'the Command Palette');
      await page.keyboard.type(title);
      await ui.waitFor(`.quick-input-list .monaco-list-row[aria-label^="${title}"]`, `${title} in the Command Palette`);
      await page.keyboard.press('Enter');
    },
    /** Moves the cursor with "Go to Line/Column" (1-based). */
    async goTo(line, column) {
      await page.keyboard.press('Control+G');
      await ui.waitFor('.quick-input-widget input', 'the Go to Line box');
      await page.keyboard.type(`${line}:${column}`);
      await page.keyboard.press('Enter');
    },
    /** Puts the cursor on the first occurrence of `text` (Find, then close the widget). */
    async goToText(text) {
      await page.keyboard.press('Control+F');
      await ui.waitFor('.find-widget.visible textarea', 'the Find widget');
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.keyboard.press('ArrowLeft');
    },
    async openFile(relativePath) {
      await page.keyboard.press('Control+P');
      await ui.waitFor('.quick-input-widget input', 'Quick Open');
      await page.keyboard.type(relativePath);
      const name = relativePath.split('/').pop();
      // Wait for the filtered row itself: the list first shows recently opened files.
      await ui.waitFor(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`, `${relativePath} in Quick Open`);
      await page.keyboard.press('Enter');
      await ui.waitFor(`.tab.active[aria-label*="${name}"]`, `an editor on ${relativePath}`);
      await ui.waitFor('.editor-instance .view-lines .view-line', 'the editor text');
    },
  };
  return ui;
}

async function main() {
  const wanted = process.argv.slice(2);
  const scenes = wanted.length ? SCENES.filter((scene) => wanted.includes(scene.name)) : SCENES;
  const installDir = ensureRunnerInstalled();
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const started = Date.now();
  const failed = [];
  const dom0 = scenes.some((scene) => scene.needsDom0) ? await startDom0StandIn() : undefined;
  const server = await startCodeServer({
    installDir,
    // The formatter scenes' resource is indented every which way: the editor's guess from it would be 6 spaces.
    userSettings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.fontSize': 14, '[drbd]': { 'editor.detectIndentation': false, 'editor.tabSize': 4 }, ...dom0?.settings },
  });
  const browser = await launchChromium({ installDir, viewport: { width: 1280, height: 760 } });
  try {
    for (const scene of scenes) {
      // A fresh window per scene: no hover, menu or panel left over from the previous one.
      // ...and a fresh folder, since VS Code restores the editors last open on a folder.
      const workspace = demoWorkspace();
      const page = await browser.context.newPage();
      try {
        await page.goto(server.workbenchUrl({ folder: workspace.folder, extensionPath: repoRoot }));
        const ui = workbench(page);
        await ui.waitFor('.monaco-workbench .part.editor', 'the workbench');
        if (scene.needsDom0 && dom0?.unavailable) throw new Error(`no dom0 to show: ${dom0.unavailable}`);
        await ui.openFile(scene.file);
        await scene.act(ui);
        const path = join(OUTPUT_DIR, `${scene.name}.png`);
        await page.screenshot({ path });
        console.log(`screenshots: ${scene.name}.png — ${scene.caption}${scene.needsDom0 ? (dom0?.real ? ' (against the real xenlab dom0)' : " (a real sshd replaying a real dom0's xl output)") : ''}`);
      } catch (error) {
        failed.push(scene.name);
        const path = join(OUTPUT_DIR, `${scene.name}.failed.png`);
        await page.screenshot({ path }).catch(() => {});
        console.error(`screenshots: ${scene.name} FAILED: ${error.message} (what the window showed: ${path})`);
      } finally {
        await page.close();
        workspace.dispose();
      }
    }
  } finally {
    await browser.close();
    server.stop();
    await dom0?.stop?.();
  }
  console.log(`screenshots: ${scenes.length - failed.length} of ${scenes.length} scenes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`screenshots: ${error instanceof MissingTools ? error.message : error.stack || error.message}`);
    process.exit(1);
  },
);
