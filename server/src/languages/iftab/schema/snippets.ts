/**
 * Templates completion offers where a new iftab line starts. `{{mac}}` and
 * `{{mac2}}` are the MACs of the guest's first two vifs when the workspace
 * has its domain config, else Xen MACs no guest uses (complete.ts fills them).
 */
import type { SnippetTemplate } from '../../../common/completion';

export const SNIPPETS: readonly SnippetTemplate[] = [
  {
    prefix: 'iftab-pair',
    title: 'two interfaces pinned to their MACs',
    description: 'A guest with one vif on each bridge: eth0 and eth1 keep their names whatever order the kernel finds the NICs in.',
    body: ['# interface  selector  value', '${1:eth0} mac ${2:{{mac}}}', '${3:eth1} mac ${4:{{mac2}}}', '$0'].join('\n'),
  },
  {
    prefix: 'iftab-mac',
    title: 'one interface pinned to its MAC',
    description: 'One interface name bound to a MAC address (`arp 1` matches Ethernet only).',
    body: ['${1:eth0} mac ${2:{{mac}}}${3: arp 1}', '$0'].join('\n'),
  },
];
