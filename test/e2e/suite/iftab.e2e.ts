/** iftab (ifrename's interface names by MAC, driver, bus address) in a real VS Code. */
import * as assert from 'node:assert/strict';
import { closeAllEditors, completionLabels, hoverText, openWorkspaceFile, positionAfter, replaceText, typeMistakeAndFix } from './helpers';
import { checkLanguageBasics } from './languageBasics';

const GUEST_IFTAB = 'guests/vm01-web/etc/iftab';
/** ifrename's own hint, which the example keeps (the guest's names are eth0 and eth1). */
const UNRELIABLE_ETH0 =
  "4:1 hint iftab/unreliable-name ifrename warns that 'eth0' cannot be mapped reliably: at boot another card may already hold this kernel-assigned name (unless ifrename runs with -t); a name such as 'lan0' avoids the race";

describe('iftab', () => {
  checkLanguageBasics({ languageId: 'iftab', scopeName: 'source.iftab', examples: [GUEST_IFTAB] });

  afterEach(closeAllEditors);

  it('lists a misspelt selector, and its quick fix corrects it', () =>
    typeMistakeAndFix(GUEST_IFTAB, {
      search: 'eth1 mac',
      mistake: 'eth1 mca',
      listed: [UNRELIABLE_ETH0, "5:6 error iftab/unknown-selector unknown selector 'mca' (ifrename drops this line); did you mean 'mac'?"],
      fixIndex: 1,
      fix: /mac/,
    }));

  it('completes selectors after the interface name and explains them on hover', async () => {
    const { document } = await openWorkspaceFile(GUEST_IFTAB);
    await replaceText(document, 'eth1 mac 00:16:3e:00:02:01', 'eth1 dri');
    assert.ok((await completionLabels(document.uri, positionAfter(document, 'eth1 dri'))).includes('driver'));
    assert.match(await hoverText(document.uri, positionAfter(document, 'eth0 m')), /^\*\*mac\*\*/);
  });
});
