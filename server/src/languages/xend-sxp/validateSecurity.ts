/**
 * Security checks: who can reach xend's servers. The relocation protocol and
 * the legacy HTTP and XML-RPC APIs have no authentication, so a server that
 * listens on every address, or a relocation server without a hosts-allow
 * list, hands control of this host's domains to anyone on the network.
 * The diagnostics read this file alone; some quick fixes offer names from
 * the workspace (cluster nodes, DRBD addresses), read when the editor asks.
 */
import { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { quickFix, Severity } from '../../common/diagnostics';
import type { Reporter } from '../../common/report';
import type { ServiceContext } from '../types';
import { Code } from './codes';
import { effectiveOption, valueAtom, XendDocument, XendOption } from './parse';
import { SexpAtom } from '../../../../shared/src/sexp';
import { isAnyAddress, isEnabled, isLoopback } from './values';

export function validateSecurity(doc: XendDocument, r: Reporter): void {
  checkRelocation(doc, r);
  checkHttpServer(doc, r);
  checkXmlRpcServer(doc, r);
  checkXenApi(doc, r);
  checkHostsAllowPatterns(doc, r);
  checkVnc(doc, r);
}

/** The relocation server (plain or SSL) that is switched on, if any. */
function relocationServer(doc: XendDocument): XendOption | undefined {
  const plain = effectiveOption(doc, 'xend-relocation-server');
  if (isEnabled(plain)) return plain;
  const ssl = effectiveOption(doc, 'xend-relocation-ssl-server');
  return isEnabled(ssl) ? ssl : undefined;
}

/** Where a diagnostic about `option` goes: its value, else its name. */
function pointAt(option: XendOption): SexpAtom {
  return valueAtom(option) ?? option.nameAtom;
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

function checkRelocation(doc: XendDocument, r: Reporter): void {
  const server = relocationServer(doc);
  if (!server) return;
  const hostsAllow = effectiveOption(doc, 'xend-relocation-hosts-allow');
  const address = effectiveOption(doc, 'xend-relocation-address');
  const addressValue = valueAtom(address)?.value ?? '';
  // Bound to loopback, only local processes can connect: the missing list is harmless.
  const open = (valueAtom(hostsAllow)?.value ?? '').trim() === '' && !isLoopback(addressValue);
  if (open) {
    const at = pointAt(hostsAllow ?? server);
    r.report(
      at.start,
      at.end,
      Severity.Warning,
      Code.relocationOpen,
      `relocation is on (${server.name}) but xend-relocation-hosts-allow is ${hostsAllow ? 'empty' : 'not set'}: anyone who reaches port ${relocationPort(doc, server)} can push a domain onto this host or pull one off it; list the peer hosts, e.g. (xend-relocation-hosts-allow '^an-node02\\\\.example\\\\.com$')`,
      (ctx) => {
        const nodes = clusterNodeNames(ctx);
        const template = `'${['localhost', ...nodes].map(regexForHost).join(' ')}'`;
        const title = nodes.length > 0 ? `Allow relocation only from localhost and the cluster nodes (${nodes.join(', ')})` : 'Allow relocation only from localhost (then add your peer hosts)';
        return [quickFix(title, ctx.uri, [setOption(doc, 'xend-relocation-hosts-allow', template, server)], [], true)];
      },
    );
  }
  if (isAnyAddress(addressValue)) {
    const at = pointAt(address ?? server);
    r.report(
      at.start,
      at.end,
      open ? Severity.Warning : Severity.Information,
      Code.listensOnAllAddresses,
      `the relocation server listens on every address (xend-relocation-address ${address ? `'${addressValue}'` : 'not set'})${open ? ' and accepts any host' : ''}: bind it to the migration network's address`,
      (ctx) => bindFixes(doc, ctx.uri, 'xend-relocation-address', server, 'the relocation server', knownHostAddresses(ctx)),
    );
  }
}

function relocationPort(doc: XendDocument, server: XendOption): string {
  const portName = server.name === 'xend-relocation-ssl-server' ? 'xend-relocation-ssl-port' : 'xend-relocation-port';
  return valueAtom(effectiveOption(doc, portName))?.value ?? (portName === 'xend-relocation-port' ? '8002' : '8003');
}

function bindFixes(doc: XendDocument, uri: string, name: string, anchor: XendOption, what: string, candidates: { address: string; host: string }[]): CodeAction[] {
  const fixes = candidates.map((c) => quickFix(`Bind ${what} to '${c.address}' (${c.host})`, uri, [setOption(doc, name, `'${c.address}'`, anchor)]));
  fixes.push(quickFix(`Bind ${what} to localhost only`, uri, [setOption(doc, name, "'localhost'", anchor)], [], candidates.length === 0));
  return fixes;
}

/** A server with no authentication, bound by `addressName` (default `defaultAddress`). */
function checkUnauthenticatedServer(doc: XendDocument, r: Reporter, serverName: string, addressName: string, defaultAddress: string, what: string): void {
  const server = effectiveOption(doc, serverName);
  if (!server || !isEnabled(server)) return;
  const address = effectiveOption(doc, addressName);
  const addressValue = valueAtom(address)?.value ?? defaultAddress;
  if (isLoopback(addressValue)) return;
  const everywhere = isAnyAddress(addressValue);
  const where = everywhere ? `listens on every address (${addressName} ${address ? `'${addressValue}'` : 'not set'})` : `listens on ${addressValue}`;
  const at = pointAt(address ?? server);
  r.report(
    at.start,
    at.end,
    Severity.Warning,
    everywhere ? Code.listensOnAllAddresses : Code.unauthenticatedServer,
    `${what} (${serverName} yes) has no authentication and ${where}: anyone who reaches it controls every domain on this host; bind it to localhost`,
    ({ uri }) => [
      quickFix(`Bind ${what} to localhost`, uri, [setOption(doc, addressName, "'localhost'", server)], [], true),
      quickFix(`Turn ${what} off`, uri, [TextEdit.replace(pointAt(server).range, 'no')]),
    ],
  );
}

function checkHttpServer(doc: XendDocument, r: Reporter): void {
  checkUnauthenticatedServer(doc, r, 'xend-http-server', 'xend-address', '', "xend's HTTP server");
}

function checkXmlRpcServer(doc: XendDocument, r: Reporter): void {
  checkUnauthenticatedServer(doc, r, 'xend-tcp-xmlrpc-server', 'xend-tcp-xmlrpc-server-address', 'localhost', 'the TCP XML-RPC server');
}

/** `(xen-api-server ((9363 none) …))`: a TCP listener that lets every caller in. */
function checkXenApi(doc: XendDocument, r: Reporter): void {
  const entries = effectiveOption(doc, 'xen-api-server')?.values[0];
  if (!entries || entries.kind !== 'list') return;
  for (const entry of entries.items) {
    if (entry.kind !== 'list') continue;
    const [where, auth] = entry.items;
    if (where?.kind !== 'atom' || where.value === 'unix' || auth?.kind !== 'atom' || auth.value !== 'none') continue;
    r.report(auth.start, auth.end, Severity.Warning, Code.unauthenticatedServer, `the Xen-API listener on ${where.value} accepts every caller without a password ('none'): use 'pam'`, ({ uri }) => [
      quickFix("Require PAM authentication ('pam')", uri, [TextEdit.replace(auth.range, 'pam')], [], true),
    ]);
  }
}

/** HVM consoles on a network address with no default password: the screen and keyboard of every guest that sets none. */
function checkVnc(doc: XendDocument, r: Reporter): void {
  const address = valueAtom(effectiveOption(doc, 'vnc-listen'));
  if (!address || isLoopback(address.value)) return;
  const password = valueAtom(effectiveOption(doc, 'vncpasswd'))?.value ?? '';
  if (password !== '') return;
  r.report(
    address.start,
    address.end,
    Severity.Warning,
    Code.vncOpen,
    `VNC consoles listen on ${isAnyAddress(address.value) ? 'every address' : address.value} and vncpasswd is empty: anyone who reaches ports 5900+ gets the screen and keyboard of every HVM guest without its own password; keep them on 127.0.0.1 (reach them through an SSH tunnel)`,
    ({ uri }) => [quickFix("Listen on '127.0.0.1' only", uri, [TextEdit.replace(address.range, "'127.0.0.1'")], [], true)],
  );
}

/** Each hosts-allow pattern must compile, and should end with `$`. */
function checkHostsAllowPatterns(doc: XendDocument, r: Reporter): void {
  const atom = valueAtom(effectiveOption(doc, 'xend-relocation-hosts-allow'));
  if (!atom || atom.range.start.line !== atom.range.end.line) return;
  for (const word of patternWords(atom, doc)) {
    try {
      new RegExp(word.decoded);
    } catch {
      r.report(word.start, word.end, Severity.Error, Code.badHostPattern, `'${word.decoded}' is not a valid regular expression; xend fails when a host connects`);
      continue;
    }
    if (!word.decoded.endsWith('$')) {
      r.report(word.start, word.end, Severity.Information, Code.unanchoredHostPattern, `'${word.decoded}' has no '$' at the end, so it also lets in longer names (e.g. '${word.decoded.replace(/^\^/, '').replace(/\\/g, '')}.attacker.example')`, ({ uri }) => [
        quickFix("Add '$' at the end", uri, [TextEdit.insert(doc.lines.positionAt(word.end), '$')], [], true),
      ]);
    }
  }
}

/** The space-separated words of a (one-line) hosts-allow value, with their source offsets. */
function patternWords(atom: SexpAtom, doc: XendDocument): { decoded: string; start: number; end: number }[] {
  const inner = atom.quote ? 1 : 0;
  const source = doc.text.slice(atom.start + inner, atom.end - inner);
  const words: { decoded: string; start: number; end: number }[] = [];
  for (const match of source.matchAll(/\S+/g)) {
    const start = atom.start + inner + match.index!;
    // The reader turns `\\` into `\` (and keeps a lone `\` before an unknown character).
    const decoded = atom.quote ? match[0].replace(/\\\\/g, '\\') : match[0];
    words.push({ decoded, start, end: start + match[0].length });
  }
  return words;
}
