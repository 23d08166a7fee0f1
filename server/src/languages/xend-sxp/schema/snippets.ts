/** Templates completion offers at the top level of xend-config.sxp, between forms. */
import type { SnippetTemplate } from '../../../common/completion';

export const SNIPPETS: readonly SnippetTemplate[] = [
  {
    prefix: 'xend-relocation',
    title: 'restricted live migration',
    description: 'Live migration between the cluster\'s dom0s only: the relocation server listens on the back-channel address and accepts the peers\' host names only (an empty hosts-allow would let every host push a domain to you).',
    body: [
      '# live migration between the cluster nodes only',
      '(xend-relocation-server yes)',
      '(xend-relocation-port ${1:8002})',
      "(xend-relocation-address '${2:192.168.2.71}')",
      "(xend-relocation-hosts-allow '^${3:an-node01}\\\\\\\\.${4:alteeve\\\\\\\\.com}\\$ ^${5:an-node02}\\\\\\\\.$4\\$')",
      '$0',
    ].join('\n'),
  },
];
