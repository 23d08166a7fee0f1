import { checkLanguageBasics } from './languageBasics';

describe('xend-sxp', () => {
  checkLanguageBasics({ languageId: 'xend-sxp', scopeName: 'source.xend-sxp', examples: ['etc/xen/xend-config.sxp'] });
});
