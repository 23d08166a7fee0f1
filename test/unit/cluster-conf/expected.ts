/**
 * What a user sees for each broken variant of the example (test/fixtures/cluster-conf/broken), shared
 * by the unit and LSP tests: every diagnostic as languageTester's `summary`, in document order, and
 * for most the `problem` (summary and message) of the diagnostic the variant is about.
 */
export const EXPECTED: Record<string, { diagnostics: string[]; problem?: string }> = {
  'attribute-typo': {
    diagnostics: ['13:10-21 error cluster-conf/missing-attribute', '13:51-56 error cluster-conf/unknown-attribute'],
    problem: "13:51-56 error cluster-conf/unknown-attribute <clusternode> has no attribute 'nodid'; did you mean 'nodeid'?",
  },
  'clear-password': { diagnostics: ['22:95-101 hint cluster-conf/clear-password'] },
  'config-version': {
    diagnostics: ['3:46-49 warning cluster-conf/config-version'],
    problem: '3:46-49 warning cluster-conf/config-version config_version must be a positive integer (1, 2, …), not "1.2"; raise it with every change you push to the nodes, or they keep the old configuration.',
  },
  'dangling-device': {
    diagnostics: ['16:35-45 error cluster-conf/unknown-fence-device', '23:28-38 info cluster-conf/unused-fence-device'],
    problem: "16:35-45 error cluster-conf/unknown-fence-device No <fencedevice name=\"fence_an03\"> is defined in <fencedevices>; did you mean 'fence_an01' or 'fence_an02'?",
  },
  'duplicate-node-name': {
    diagnostics: ['13:28-49 warning cluster-conf/duplicate-node-name', '31:43-64 warning cluster-conf/unknown-node', '35:43-64 warning cluster-conf/unknown-node'],
    problem: "13:28-49 warning cluster-conf/duplicate-node-name Node name 'an-node01.alteeve.com' is already used on line 6; each <clusternode> must have its own name. cman starts, but it finds a node by name and takes the first entry, while this one still counts toward the expected votes.",
  },
  'duplicate-nodeid': {
    diagnostics: ['13:59-60 warning cluster-conf/duplicate-nodeid'],
    problem: '13:59-60 warning cluster-conf/duplicate-nodeid nodeid 1 is already used by the node on line 6; every node needs its own nodeid. cman starts, but it merges the two into one node and corosync tells members apart by nodeid, so both cannot be in the cluster at once.',
  },
  'element-typo': {
    diagnostics: ['9:35-45 error cluster-conf/unknown-fence-device', '22:10-20 error cluster-conf/unknown-element'],
    problem: "22:10-20 error cluster-conf/unknown-element Unknown element <fencdevice> inside <fencedevices>; did you mean 'fencedevice'?",
  },
  'failover-domain-unknown-node': { diagnostics: ['31:43-63 warning cluster-conf/unknown-node'] },
  'invalid-enum': {
    diagnostics: ['4:54-57 error cluster-conf/invalid-value'],
    problem: "4:54-57 error cluster-conf/invalid-value 'tcp' is not valid for transport on <cman>: expected one of 'udp', 'udpb', 'udpu', 'rdma'.",
  },
  'invalid-integer': {
    diagnostics: ['13:59-62 error cluster-conf/invalid-value'],
    problem: "13:59-62 error cluster-conf/invalid-value 'two' is not valid for nodeid on <clusternode>: expected a positive integer (1, 2, …).",
  },
  'ipmi-with-port': {
    diagnostics: ['9:47-51 warning cluster-conf/unexpected-port'],
    problem: "9:47-51 warning cluster-conf/unexpected-port fence_ipmilan controls a single machine (the node's own management board) and takes no port; remove port=\"1\" (it is only read as an address with port_as_ip=\"1\").",
  },
  'method-without-device': { diagnostics: ['15:18-24 warning cluster-conf/empty-fence-method', '21:28-38 info cluster-conf/unused-fence-device'] },
  'missing-nodeid': {
    diagnostics: ['13:10-21 error cluster-conf/missing-attribute'],
    problem: "13:10-21 error cluster-conf/missing-attribute <clusternode> needs the attribute 'nodeid'.",
  },
  'node-without-fence': { diagnostics: ['13:10-21 warning cluster-conf/node-without-fencing', '17:28-38 info cluster-conf/unused-fence-device'],
    problem: "13:10-21 warning cluster-conf/node-without-fencing Node 'an-node02.alteeve.com' has no fence method: cman starts, but when this node stops answering nobody can fence it, and DLM, GFS2 and rgmanager block until someone fences it by hand (fence_ack_manual). Add <fence><method><device name=\"…\"/></method></fence>." },
  'pdu-without-port': {
    diagnostics: ['16:22-28 warning cluster-conf/missing-port'],
    problem: '16:22-28 warning cluster-conf/missing-port fence_apc drives a device with several outlets and needs to know which one feeds this node: add port="…" to this <device>. cman starts, but fencing this node fails.',
  },
  'quorum-unreachable': {
    diagnostics: ['4:27-28 error cluster-conf/quorum-unreachable'],
    problem: '4:27-28 error cluster-conf/quorum-unreachable With expected_votes="5" quorum is 3 votes, but all nodes together have only 2: the cluster can never become quorate. Lower expected_votes to 2 or less.',
  },
  'ref-with-parameters': { diagnostics: ['41:17-20 error cluster-conf/attribute-combination'] },
  'two-node-three-nodes': {
    diagnostics: ['4:21-22 error cluster-conf/two-node-node-count', '30:62-68 warning cluster-conf/shared-fence-target'],
    problem: '4:21-22 error cluster-conf/two-node-node-count two_node="1" is only for clusters of exactly two nodes, but <clusternodes> lists 3; remove two_node (and expected_votes="1") for this cluster.',
  },
  'two-node-without-expected-votes': {
    diagnostics: ['4:21-22 info cluster-conf/two-node-expected-votes'],
    problem: '4:21-22 info cluster-conf/two-node-expected-votes cman(5) asks for expected_votes="1" next to two_node="1". With no expected_votes cman starts all the same: two_node holds quorum at one vote while no more than two nodes are up.',
  },
  'unclosed-tag': {
    diagnostics: ['11:9-22 error cluster-conf/syntax'],
    problem: "11:9-22 error cluster-conf/syntax XML is not well-formed: Expected closing tag 'fence' (opened in line 7, col 13) instead of closing tag 'clusternode'.",
  },
  'unknown-agent': { diagnostics: ['23:47-60 warning cluster-conf/unknown-fence-agent'] },
  'unsupported-action': {
    diagnostics: ['9:55-60 warning cluster-conf/unsupported-action'],
    problem: "9:55-60 warning cluster-conf/unsupported-action fence_ipmilan does not support the action 'cycle'; it supports on, off, reboot, status, diag. cman starts, but fencing with this device fails.",
  },
  'unused-fence-device': { diagnostics: ['24:28-39 info cluster-conf/unused-fence-device'] },
};
