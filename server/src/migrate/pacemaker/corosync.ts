/** corosync.conf (corosync 3: totem, nodelist, quorum, logging) from `<cman>`, `<totem>`, `<logging>` and the nodes. */
import { attributeValue, XmlElement } from '../../languages/cluster-conf/parse';
import type { Consumed } from './consumed';
import type { ClusterNode, CorosyncPlan, Pairs, Plan } from './plan';

/** `<totem>` attributes corosync.conf's totem section takes under the same name (corosync.conf(5)). */
const TOTEM_KEYS = ['token', 'token_retransmits_before_loss_const', 'consensus', 'join', 'send_join', 'merge', 'downcheck', 'fail_recv_const', 'seqno_unchanged_const', 'heartbeat_failures_allowed', 'max_network_delay', 'window_size', 'max_messages', 'miss_count_const'];
/** `<logging>` attributes corosync.conf's logging section takes under the same name. */
const LOGGING_KEYS = ['to_syslog', 'to_logfile', 'logfile', 'logfile_priority', 'syslog_facility', 'syslog_priority', 'debug'];

export function corosyncPlan(cman: XmlElement | undefined, totem: XmlElement | undefined, logging: XmlElement | undefined, consumed: Consumed): CorosyncPlan {
  const totemPairs: Pairs = [['version', '2']];
  const quorum: Pairs = [['provider', 'corosync_votequorum']];
  const loggingPairs: Pairs = [];
  if (cman) {
    consumed.use(cman, 'two_node', 'expected_votes', 'transport');
    if (attributeValue(cman, 'broadcast') === 'no') consumed.use(cman, 'broadcast');
    const transport = attributeValue(cman, 'transport');
    if (transport) consumed.note(cman, 'note', `transport="${transport}": corosync 3's default transport, knet, is unicast and encrypted; the corosync.conf uses it.`);
    const twoNode = attributeValue(cman, 'two_node') === '1';
    const expected = attributeValue(cman, 'expected_votes');
    if (twoNode) {
      quorum.push(['two_node', '1']);
      if (expected) consumed.note(cman, 'note', `expected_votes="${expected}" is left out: with two_node: 1 corosync expects 2 votes and lets one node keep quorum.`);
    } else if (expected) quorum.push(['expected_votes', expected]);
  }
  if (totem) {
    consumed.use(totem, ...TOTEM_KEYS);
    for (const key of TOTEM_KEYS) {
      const value = attributeValue(totem, key);
      if (value !== undefined) totemPairs.push([key, value]);
    }
  }
  if (logging) {
    consumed.use(logging, ...LOGGING_KEYS);
    for (const key of LOGGING_KEYS) {
      const value = attributeValue(logging, key);
      if (value !== undefined) loggingPairs.push([key, value]);
    }
  }
  if (!loggingPairs.some(([k]) => k === 'to_syslog')) loggingPairs.push(['to_syslog', 'yes']);
  return { totem: totemPairs, quorum, logging: loggingPairs };
}

function section(name: string, pairs: Pairs, indent = '    '): string {
  return `${indent.slice(4)}${name} {\n${pairs.map(([k, v]) => `${indent}${k}: ${v}\n`).join('')}${indent.slice(4)}}\n`;
}

function nodeEntry(node: ClusterNode): string {
  const pairs: Pairs = [['ring0_addr', node.name], ['name', node.name]];
  if (node.nodeid !== undefined) pairs.push(['nodeid', node.nodeid]);
  if (node.votes !== undefined && node.votes !== '1') pairs.push(['quorum_votes', node.votes]);
  return section('node', pairs, '        ');
}

export function renderCorosync(plan: Plan): string {
  const totem = section('totem', [...plan.corosync.totem.slice(0, 1), ['cluster_name', plan.clusterName], ['transport', 'knet'], ...plan.corosync.totem.slice(1)]);
  const nodelist = `nodelist {\n${plan.nodes.map(nodeEntry).join('')}}\n`;
  return `# corosync.conf for the cluster '${plan.clusterName}', converted from cluster.conf.\n${totem}\n${nodelist}\n${section('quorum', plan.corosync.quorum)}\n${section('logging', plan.corosync.logging)}`;
}
