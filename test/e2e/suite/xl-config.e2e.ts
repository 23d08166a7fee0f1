import { checkLanguageBasics } from './languageBasics';

describe('xl-config', () => {
  checkLanguageBasics({ languageId: 'xl-config', scopeName: 'source.xl-config', examples: ['etc/xen/vm01-web.cfg','etc/xen/vm02-db.cfg','etc/xen/xl.conf'] });
});
