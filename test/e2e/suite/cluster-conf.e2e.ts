import { checkLanguageBasics } from './languageBasics';

describe('cluster-conf', () => {
  checkLanguageBasics({ languageId: 'cluster-conf', scopeName: 'text.xml.cluster-conf', examples: ['etc/cluster/cluster.conf'] });
});
