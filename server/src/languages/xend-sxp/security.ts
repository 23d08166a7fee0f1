/**
 * Security checks: who can reach xend's servers. The relocation protocol and
 * the legacy HTTP and XML-RPC APIs have no authentication, so a server that
 * listens on every address, or a relocation server without a hosts-allow
 * list, hands control of this host's domains to anyone on the network.
 */
import { CodeAction, Range, TextEdit } from 'vscode-languageserver-types';
import { diagnostic, quickFix, Severity } from '../../common/diagnostics';
import type { Finding } from '../../common/report';
import type { ServiceContext } from '../types';
import { effectiveOption, SOURCE, valueAtom, XendDocument, XendOption } from './parse';
import { SexpAtom } from '../../../../shared/src/sexp';
import { isAnyAddress, isEnabled, isLoopback } from './values';

export function checkSecurity(doc: XendDocument, ctx: ServiceContext): Finding[] {
  return [...checkRelocation(doc, ctx), ...checkHttpServer(doc), ...checkXmlRpcServer(doc), ...checkXenApi(doc), ...checkHostsAllowPatterns(doc), ...checkVnc(doc)];
}

/** The relocation server (plain or SSL) that is switched on, if any. */
function relocationServer(doc: XendDocument): XendOption | undefined {
  const plain = effectiveOption(doc, 'xend-relocation-server');
  if (isEnabled(plain)) return plain;
  const ssl = effectiveOption(doc, 'xend-relocation-ssl-server');
  return isEnabled(ssl) ? ssl : undefined;
}

/** Where a diagnostic about `option` goes: its value, else its name. */
function pointAt(option: XendOption): Range {
  return (valueAtom(option) ?? option.nameAtom).range;
}

/** Sets `name` to `quotedValue`: replaces its value, or adds a line after `anchor`. */
function setOption(doc: XendDocument, name: string, quotedValue: string, anchor: XendOption): TextEdit {
  const existing = effectiveOption(doc, name);
  const atom = valueAtom(existing);
  if (existing && atom) return TextEdit.replace(atom.range, quotedValue);
  if (existing) return TextEdit.insert(existing.nameAtom.range.end, ` ${quotedValue}`);
  return TextEdit.insert(doc.lines.positionAt(anchor.form.end), `\n(${name} ${quotedValue})`);
}

function regexForHost(host: string): string {
  // Written for the sxp reader: `\\.` reaches xend as `\.`.
  return `^${host.replace(/\./g, '\\\\.')}$`;
}

/** Host names of the workspace's cluster nodes (cluster.conf), for the hosts-allow template. */
function clusterNodeNames(ctx: ServiceContext): string[] {
  const names = new Set<string>();
  for (const file of ctx.workspace.otherFiles(ctx.uri)) for (const node of file.facts.cluster?.nodes ?? []) names.add(node.value);
  return [...names].sort();
}

/** Addresses the workspace knows for cluster hosts (DRBD replication addresses), for binding. */
function knownHostAddresses(ctx: ServiceContext): { address: string; host: string }[] {
  const seen = new Map<string, string>();
  for (const file of ctx.workspace.otherFiles(ctx.uri)) {
    for (const resource of file.facts.drbdResources ?? []) {
      for (const a of resource.addresses) {
        const ip = a.value.replace(/^ipv4\s+/, '').replace(/:\d+$/, '');
        if (!seen.has(ip)) seen.set(ip, a.host);
      }
    }
  }
  return [...seen].map(([address, host]) => ({ address, host })).sort((a, b) => a.address.localeCompare(b.address));
}

function checkRelocation(doc: XendDocument, ctx: ServiceContext): Finding[] {
  const server = relocationServer(doc);
  if (!server) return [];
  const findings: Finding[] = [];
  const hostsAllow = effectiveOption(doc, 'xend-relocation-hosts-allow');
  const address = effectiveOption(doc, 'xend-relocation-address');
  const addressValue = valueAtom(address)?.value ?? '';
  // Bound to loopback, only local processes can connect: the missing list is harmless.
  const open = (valueAtom(hostsAllow)?.value ?? '').trim() === '' && !isLoopback(addressValue);
  if (open) {
    const nodes = clusterNodeNames(ctx);
    const template = `'${['localhost', ...nodes].map(regexForHost).join(' ')}'`;
    const title = nodes.length > 0 ? `Allow relocation only from localhost and the cluster nodes (${nodes.join(', ')})` : 'Allow relocation only from localhost (then add your peer hosts)';
    findings.push({
      diagnostic: diagnostic(
        hostsAllow ? pointAt(hostsAllow) : pointAt(server),
        Severity.Warning,
        'xend/relocation-open',
        `relocation is on (${server.name}) but xend-relocation-hosts-allow is ${hostsAllow ? 'empty' : 'not set'}: anyone who reaches port ${relocationPort(doc, server)} can push a domain onto this host or pull one off it; list the peer hosts, e.g. (xend-relocation-hosts-allow '^an-node02\\\\.example\\\\.com$')`,
        SOURCE,
      ),
      fixes: ({ uri }) => [quickFix(title, uri, [setOption(doc, 'xend-relocation-hosts-allow', template, server)], [], true)],
    });
  }
  if (isAnyAddress(addressValue)) {
    const candidates = knownHostAddresses(ctx);
    findings.push({
      diagnostic: diagnostic(
        address ? pointAt(address) : pointAt(server),
        open ? Severity.Warning : Severity.Information,
        'xend/listens-on-all-addresses',
        `the relocation server listens on every address (xend-relocation-address ${address ? `'${addressValue}'` : 'not set'})${open ? ' and accepts any host' : ''}: bind it to the migration network's address`,
        SOURCE,
      ),
      fixes: ({ uri }) => bindFixes(doc, uri, 'xend-relocation-address', server, 'the relocation server', candidates),
    });
  }
  return findings;
}

function relocationPort(doc: XendDocument, server: XendOption): string {
  const portName = server.name === 'xend-relocation-ssl-server' ? 'xend-relocation-ssl-port' : 'xend-relocation-port';
  return valueAtom(effectiveOption(doc, portName))?.value ?? (portName === 'xend-relocation-port' ? '8002' : '8003');
}

function bindFixes(doc: XendDocument, uri: string, name: string, anchor: XendOption, what: string, candidates: { address: string; host: string }[]): CodeAction[] {
  const fixes = candidates.map((c) => quickFix(`Bind ${what} to ${c.address} (${c.host})`, uri, [setOption(doc, name, `'${c.address}'`, anchor)]));
  fixes.push(quickFix(`Bind ${what} to localhost only`, uri, [setOption(doc, name, "'localhost'", anchor)], [], candidates.length === 0));
  return fixes;
}

/** A server with no authentication, bound by `addressName` (default `defaultAddress`). */
function checkUnauthenticatedServer(doc: XendDocument, serverName: string, addressName: string, defaultAddress: string, what: string): Finding[] {
  const server = effectiveOption(doc, serverName);
  if (!isEnabled(server)) return [];
  const address = effectiveOption(doc, addressName);
  const addressValue = valueAtom(address)?.value ?? defaultAddress;
  if (isLoopback(addressValue)) return [];
  const everywhere = isAnyAddress(addressValue);
  const where = everywhere ? `listens on every address (${addressName} ${address ? `'${addressValue}'` : 'not set'})` : `listens on ${addressValue}`;
  return [
    {
      diagnostic: diagnostic(
        address ? pointAt(address) : pointAt(server!),
        Severity.Warning,
        everywhere ? 'xend/listens-on-all-addresses' : 'xend/unauthenticated-server',
        `${what} (${serverName} yes) has no authentication and ${where}: anyone who reaches it controls every domain on this host; bind it to localhost`,
        SOURCE,
      ),
      fixes: ({ uri }) => [
        quickFix(`Bind ${what} to localhost`, uri, [setOption(doc, addressName, "'localhost'", server!)], [], true),
        quickFix(`Turn ${what} off`, uri, [TextEdit.replace(pointAt(server!), 'no')]),
      ],
    },
  ];
}

function checkHttpServer(doc: XendDocument): Finding[] {
  return checkUnauthenticatedServer(doc, 'xend-http-server', 'xend-address', '', "xend's HTTP server");
}

function checkXmlRpcServer(doc: XendDocument): Finding[] {
  return checkUnauthenticatedServer(doc, 'xend-tcp-xmlrpc-server', 'xend-tcp-xmlrpc-server-address', 'localhost', 'the TCP XML-RPC server');
}

/** `(xen-api-server ((9363 none) …))`: a TCP listener that lets every caller in. */
function checkXenApi(doc: XendDocument): Finding[] {
  const option = effectiveOption(doc, 'xen-api-server');
  const entries = option?.values[0];
  if (!entries || entries.kind !== 'list') return [];
  const findings: Finding[] = [];
  for (const entry of entries.items) {
    if (entry.kind !== 'list') continue;
    const [where, auth] = entry.items;
    if (where?.kind !== 'atom' || where.value === 'unix' || auth?.kind !== 'atom' || auth.value !== 'none') continue;
    findings.push({
      diagnostic: diagnostic(auth.range, Severity.Warning, 'xend/unauthenticated-server', `the Xen-API listener on ${where.value} accepts every caller without a password ('none'): use 'pam'`, SOURCE),
      fixes: ({ uri }) => [quickFix("Require PAM authentication ('pam')", uri, [TextEdit.replace(auth.range, 'pam')], [], true)],
    });
  }
  return findings;
}

/** HVM consoles on a network address with no default password: the screen and keyboard of every guest that sets none. */
function checkVnc(doc: XendDocument): Finding[] {
  const listen = effectiveOption(doc, 'vnc-listen');
  const address = valueAtom(listen);
  if (!listen || !address || isLoopback(address.value)) return [];
  const password = valueAtom(effectiveOption(doc, 'vncpasswd'))?.value ?? '';
  if (password !== '') return [];
  return [
    {
      diagnostic: diagnostic(address.range, Severity.Warning, 'xend/vnc-open', `VNC consoles listen on ${isAnyAddress(address.value) ? 'every address' : address.value} and vncpasswd is empty: anyone who reaches ports 5900+ gets the screen and keyboard of every HVM guest without its own password; keep them on 127.0.0.1 (reach them through an SSH tunnel)`, SOURCE),
      fixes: ({ uri }) => [quickFix('Listen on 127.0.0.1 only', uri, [TextEdit.replace(address.range, "'127.0.0.1'")], [], true)],
    },
  ];
}

/** Each hosts-allow pattern must compile, and should end with `$`. */
function checkHostsAllowPatterns(doc: XendDocument): Finding[] {
  const atom = valueAtom(effectiveOption(doc, 'xend-relocation-hosts-allow'));
  if (!atom || atom.range.start.line !== atom.range.end.line) return [];
  const findings: Finding[] = [];
  for (const word of patternWords(atom, doc)) {
    try {
      new RegExp(word.decoded);
    } catch {
      findings.push({ diagnostic: diagnostic(word.range, Severity.Error, 'xend/bad-host-pattern', `'${word.decoded}' is not a valid regular expression; xend fails when a host connects`, SOURCE) });
      continue;
    }
    if (!word.decoded.endsWith('$')) {
      findings.push({
        diagnostic: diagnostic(word.range, Severity.Information, 'xend/unanchored-host-pattern', `'${word.decoded}' has no '$' at the end, so it also lets in longer names (e.g. '${word.decoded.replace(/^\^/, '').replace(/\\/g, '')}.attacker.example')`, SOURCE),
        fixes: ({ uri }) => [quickFix("Add '$' at the end", uri, [TextEdit.insert(word.range.end, '$')], [], true)],
      });
    }
  }
  return findings;
}

/** The space-separated words of a (one-line) hosts-allow value, with their source ranges. */
function patternWords(atom: SexpAtom, doc: XendDocument): { decoded: string; range: Range }[] {
  const inner = atom.quote ? 1 : 0;
  const source = doc.text.slice(atom.start + inner, atom.end - inner);
  const words: { decoded: string; range: Range }[] = [];
  for (const match of source.matchAll(/\S+/g)) {
    const start = atom.start + inner + match.index!;
    // The reader turns `\\` into `\` (and keeps a lone `\` before an unknown character).
    const decoded = atom.quote ? match[0].replace(/\\\\/g, '\\') : match[0];
    words.push({ decoded, range: doc.lines.range(start, start + match[0].length) });
  }
  return words;
}
