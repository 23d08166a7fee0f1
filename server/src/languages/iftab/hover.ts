import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { describeMac, parseMac } from '../../common/mac';
import { code, docText, escapeText, fileLink, manualLine } from '../../common/markdown';
import type { ServiceContext } from '../types';
import { exactMacs } from './facts';
import { guestInWorkspace, modelOf } from './guest';
import type { IftabDocument, Token } from './parse';
import { SELECTORS, SelectorSpec } from './schema';
import { MANUAL_PAGE } from './schema/docs';

const inside = (token: Token | undefined, offset: number): token is Token => !!token && token.start <= offset && offset <= token.end;

/** Hover on a selector (what it matches) or on a MAC (what it is, which guest's vif carries it). */
export function hover(doc: IftabDocument, position: Position, ctx: ServiceContext): Hover | null {
  const offset = doc.lines.offsetAt(position);
  const entry = doc.entries.find((e) => e.line === position.line);
  if (!entry) return null;
  if (inside(entry.name, offset)) return markdown(nameDoc(entry.name.text, doc, ctx), entry.name);
  for (const use of entry.selectors) {
    if (inside(use.name, offset) && (use.lookup.kind === 'exact' || use.lookup.kind === 'prefix')) return markdown(selectorDoc(use.lookup.spec, use.name.text), use.name);
    if (inside(use.value, offset) && use.lookup.kind !== 'unknown' && use.lookup.kind !== 'ambiguous' && use.lookup.spec.value === 'mac') {
      const text = macDoc(use.value.text, ctx);
      return text ? markdown(text, use.value) : null;
    }
  }
  return null;
}

/** What the name means: a wildcard, and in a guest the vif it pins. */
function nameDoc(name: string, doc: IftabDocument, ctx: ServiceContext): string {
  const lines = [`**${escapeText(name)}**: the name ifrename gives the interface that matches every selector of this line.`];
  if (name.includes('*')) lines.push('', `${code('*')} becomes the lowest free number (eth\\* → eth0, eth1, …).`);
  const guest = guestInWorkspace(ctx, exactMacs(doc).map((m) => m.value));
  const index = /^eth(\d+)$/.exec(name)?.[1];
  const vif = index !== undefined ? guest?.domain?.facts.macs[Number(index)] : undefined;
  if (guest?.domain && vif) {
    const bridge = guest.domain.facts.bridges[Number(index)]?.value;
    lines.push('', `In guest **${escapeText(guest.name)}**, vif ${index} has ${code(vif.value)}${bridge ? ` on bridge ${code(bridge)}` : ''}.`);
  }
  return lines.join('\n');
}

function markdown(value: string, token: Token): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: token.range };
}

/** A selector's documentation; `written` is how the line spells it, when that differs. */
export function selectorDoc(spec: SelectorSpec, written = spec.name): string {
  const aliases = SELECTORS.filter((s) => s.handler === spec.handler && s !== spec).map((s) => code(s.name));
  const lines = [`**${escapeText(spec.name)}**${written.toLowerCase() !== spec.name ? ` (written ${code(written)})` : ''}: ${code(spec.syntax)}`, '', docText(spec.doc)];
  if (aliases.length > 0) lines.push('', `Same as ${aliases.join(', ')}.`);
  if (spec.howToFind) lines.push('', `Find it with ${docText(spec.howToFind)}.`);
  lines.push('', manualLine(MANUAL_PAGE));
  return lines.join('\n');
}

function macDoc(text: string, ctx: ServiceContext): string | undefined {
  const mac = parseMac(text);
  if (!mac) return text.includes('*') ? `MAC pattern: matches every address of this shape (${code('*')} is any run of characters, case ignored).` : undefined;
  const lines = [`**${mac.normalized}**: ${escapeText(describeMac(mac))}.`];
  for (const carrier of modelOf(ctx).vifMacs.get(mac.normalized) ?? []) {
    const domain = carrier.domain.facts;
    const bridge = domain.bridges[carrier.index]?.value;
    const line = domain.macs[carrier.index]?.range.start.line ?? 0;
    lines.push('', `Carried by vif ${carrier.index} of domain **${escapeText(domain.name?.value ?? '(unnamed)')}**${bridge ? ` on bridge ${code(bridge)}` : ''} (${fileLink(carrier.uri, line, ctx.workspace.root)}).`);
  }
  return lines.join('\n');
}
