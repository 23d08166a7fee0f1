import { checkLanguageBasics } from './languageBasics';

describe('iftab', () => {
  checkLanguageBasics({ languageId: 'iftab', scopeName: 'source.iftab', examples: ['guests/vm01-web/etc/iftab'] });
});
