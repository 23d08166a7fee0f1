import { checkLanguageBasics } from './languageBasics';

describe('drbd', () => {
  checkLanguageBasics({ languageId: 'drbd', scopeName: 'source.drbd', examples: ['etc/drbd.d/global_common.conf','etc/drbd.d/r0.res'] });
});
