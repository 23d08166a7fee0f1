/** The cluster.conf template completion offers in a file that has no `<cluster>` yet. */
import type { SnippetTemplate } from '../../../common/completion';

export const SNIPPETS: readonly SnippetTemplate[] = [
  {
    prefix: 'cluster-two-node-ipmi',
    title: 'two-node cman cluster with IPMI fencing',
    description: 'A cman cluster of two nodes (`two_node="1"` needs `expected_votes="1"`), each fenced through its own IPMI BMC with fence_ipmilan (`lanplus="1"` for IPMI 2.0 BMCs).',
    body: [
      '<?xml version="1.0"?>',
      '<cluster name="${1:an-cluster01}" config_version="${2:1}">',
      '\t<cman two_node="1" expected_votes="1"/>',
      '\t<clusternodes>',
      '\t\t<clusternode name="${3:an-node01.alteeve.com}" nodeid="1">',
      '\t\t\t<fence>',
      '\t\t\t\t<method name="ipmi">',
      '\t\t\t\t\t<device name="${4:fence_an01}" action="reboot"/>',
      '\t\t\t\t</method>',
      '\t\t\t</fence>',
      '\t\t</clusternode>',
      '\t\t<clusternode name="${5:an-node02.alteeve.com}" nodeid="2">',
      '\t\t\t<fence>',
      '\t\t\t\t<method name="ipmi">',
      '\t\t\t\t\t<device name="${6:fence_an02}" action="reboot"/>',
      '\t\t\t\t</method>',
      '\t\t\t</fence>',
      '\t\t</clusternode>',
      '\t</clusternodes>',
      '\t<fencedevices>',
      '\t\t<fencedevice name="$4" agent="fence_ipmilan" ipaddr="${7:192.168.3.61}" login="${8:admin}" passwd="${9:secret}" lanplus="${10|1,0|}"/>',
      '\t\t<fencedevice name="$6" agent="fence_ipmilan" ipaddr="${11:192.168.3.62}" login="$8" passwd="$9" lanplus="$10"/>',
      '\t</fencedevices>',
      '\t<rm/>',
      '</cluster>',
      '$0',
    ].join('\n'),
  },
];
