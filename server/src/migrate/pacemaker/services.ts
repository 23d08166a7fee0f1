/**
 * rgmanager services and their resource trees → Pacemaker groups whose members start in
 * rgmanager's order (a parent before its children, siblings by START_ORDER), and a `<vm>` written
 * directly under `<rm>` → a primitive of its own (ocf:heartbeat:Xen, or VirtualDomain for a libvirt
 * guest). A resource written as `ref="…"` is the one of that name under `<rm><resources>`.
 */
import { basename, dirname } from 'node:path';
import { nameTable } from '../../common/nameTable';
import { attributeValue, XmlElement } from '../../languages/cluster-conf/parse';
import { AGENTS, START_ORDER } from './agents';
import type { Consumed } from './consumed';
import type { IdRegistry } from './ids';
import type { Operation, Pairs, Primitive } from './plan';

/** The attribute a resource type is referred to by (`<ip ref="10.0.0.1"/>`), `name` for the others. */
const KEY_ATTRIBUTE: Record<string, string> = nameTable({ ip: 'address' });

interface ResolvedAttributes {
  value: (name: string) => string | undefined;
  /** The `<resources>` entry a `ref` names. */
  source?: XmlElement;
}

/** A bound on the primitives of one file: `ref`s between shared resources can multiply a small file's tree. */
const MAX_RESOURCES = 10_000;

export class ResourceTrees {
  private made = 0;
  private stopped = false;
  private readonly shared = new Map<string, XmlElement>();
  private nextFsid = 1;

  constructor(
    rmResources: readonly XmlElement[],
    private readonly ids: IdRegistry,
    private readonly consumed: Consumed,
  ) {
    for (const resource of rmResources) this.shared.set(`${resource.name}\0${attributeValue(resource, KEY_ATTRIBUTE[resource.name] ?? 'name')}`, resource);
  }

  /** The `<resources>` entries some `ref` has named. */
  private readonly referenced = new Set<XmlElement>();

  /** The shared resources no service uses (reported: rgmanager did not run them either). */
  unused(): XmlElement[] {
    return [...this.shared.values()].filter((r) => !this.referenced.has(r));
  }

  /** The members of a service's group, in start order. */
  members(service: XmlElement, owner: string): Primitive[] {
    const members: Primitive[] = [];
    this.walk(service, owner, members, []);
    return members;
  }

  private readonly resolved = new Map<XmlElement, ResolvedAttributes>();

  /** An element's attributes with those of the shared resource it refers to (its own win); resolved once per element. */
  private attributesOf(element: XmlElement): ResolvedAttributes {
    let attrs = this.resolved.get(element);
    if (!attrs) this.resolved.set(element, (attrs = this.resolve(element)));
    return attrs;
  }

  private resolve(element: XmlElement): ResolvedAttributes {
    const ref = attributeValue(element, 'ref');
    const source = ref === undefined ? undefined : this.shared.get(`${element.name}\0${ref}`);
    if (ref !== undefined && !source) this.consumed.note(element, 'manual', `<${element.name} ref="${ref}"> refers to no <${element.name}> under <resources>: converted from its own attributes only.`);
    if (source) this.referenced.add(source);
    return { value: (name) => attributeValue(element, name) ?? (source && attributeValue(source, name)), source };
  }

  private walk(parent: XmlElement, owner: string, out: Primitive[], ancestors: XmlElement[]): void {
    const rank = (e: XmlElement) => (START_ORDER.includes(e.name) ? START_ORDER.indexOf(e.name) : START_ORDER.length);
    const children = parent.children.filter((c) => c.name !== 'action').map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
    for (const action of parent.children.filter((c) => c.name === 'action')) this.consumed.note(action, 'manual', `<action name="${attributeValue(action, 'name')}"> timing: set it as an operation (op ${attributeValue(action, 'name')} interval/timeout) on the resource by hand.`);
    for (const child of children) {
      if (this.made >= MAX_RESOURCES) {
        if (!this.stopped) this.consumed.note(child, 'manual', `More than ${MAX_RESOURCES} resources: the conversion stops here (shared resources that refer to each other multiply); convert the rest by hand.`);
        this.stopped = true;
        return;
      }
      const attrs = this.attributesOf(child);
      if (attrs.source && (attrs.source === parent || ancestors.includes(attrs.source))) {
        this.consumed.use(child);
        this.consumed.note(child, 'manual', `<${child.name} ref="${attributeValue(child, 'ref')}"> is inside the resource it refers to: rgmanager would loop; not converted.`);
        continue;
      }
      const primitive = this.primitive(child, attrs, owner, [...ancestors, parent]);
      if (primitive) {
        out.push(primitive);
        this.made++;
      }
      // Children of a shared resource come with it, before the element's own.
      if (attrs.source) this.walk(attrs.source, owner, out, [...ancestors, parent, child]);
      this.walk(child, owner, out, [...ancestors, parent]);
    }
  }

  /** One primitive for one resource element, or undefined when it has no agent (noted). */
  primitive(element: XmlElement, attrs = this.attributesOf(element), owner = '', ancestors: XmlElement[] = []): Primitive | undefined {
    // What the conversion reads of a shared resource counts as read there too; the rest is reported.
    const read = (...names: string[]) => {
      this.consumed.use(element, 'ref', ...names);
      if (attrs.source) this.consumed.use(attrs.source, KEY_ATTRIBUTE[element.name] ?? 'name', ...names);
    };
    const name = attrs.value('name');
    const id = (wanted: string) => this.ids.take(owner ? `${owner}-${wanted}` : wanted);
    const ops: Operation[] = [{ name: 'monitor', interval: '60s' }];
    const independent = attrs.value('__independent_subtree');
    if (independent !== undefined && independent !== '0') {
      read('__independent_subtree');
      this.consumed.note(element, 'manual', `__independent_subtree="${independent}" on <${element.name}>: a Pacemaker group restarts everything after a failed member; keep this one apart (its own resource with order and colocation constraints) if that matters.`);
    }
    const finish = (primitive: Omit<Primitive, 'ops' | 'meta'>): Primitive => ({ meta: [], ops, ...primitive });

    if (element.name === 'ip') {
      const address = attrs.value('address') ?? '';
      read('address');
      const [ip, prefix] = address.split('/');
      if (attrs.value('monitor_link') === '1') {
        read('monitor_link');
        this.consumed.note(element, 'manual', `monitor_link="1" on ${address}: IPaddr2 does not watch the link; add ocf:heartbeat:ethmonitor as a clone and a location rule on its ethmonitor-IFACE attribute to move the address off a node whose link is down.`);
      }
      const params: Pairs = [['ip', ip]];
      if (prefix) params.push(['cidr_netmask', prefix]);
      return finish({ id: id(`ip-${ip}`), class: 'ocf', provider: 'heartbeat', type: 'IPaddr2', params });
    }
    if (element.name === 'script') {
      const file = attrs.value('file') ?? '';
      read('name', 'file');
      const initScript = dirname(file) === '/etc/init.d' || dirname(file) === '/etc/rc.d/init.d';
      if (!initScript) this.consumed.note(element, 'manual', `<script file="${file}">: Pacemaker runs such a script as lsb:${basename(file)} from /etc/init.d; install it there (it must answer start, stop and status as an LSB init script does).`);
      return finish({ id: id(name ?? basename(file)), class: 'lsb', type: basename(file), params: [] });
    }
    if (element.name === 'vm') return this.vm(element, attrs, read, id, ops);
    if (element.name === 'nfsexport') {
      read('name', 'path');
      this.consumed.note(element, 'note', `<nfsexport> has no resource of its own in Pacemaker: each <nfsclient> below it becomes an ocf:heartbeat:exportfs; the NFS server itself is ocf:heartbeat:nfsserver (add one, with its state directory on shared storage).`);
      return undefined;
    }
    if (element.name === 'nfsclient') {
      read('name', 'target', 'options');
      const mount = [...ancestors].reverse().find((a) => a.name === 'fs' || a.name === 'clusterfs' || a.name === 'netfs');
      const exported = [...ancestors].reverse().find((a) => a.name === 'nfsexport');
      const directory = (exported && attributeValue(exported, 'path')) ?? (mount && this.attributesOf(mount).value('mountpoint')) ?? '';
      const fsid = (mount && this.attributesOf(mount).value('fsid')) ?? String(this.nextFsid++);
      if (!(mount && this.attributesOf(mount).value('fsid'))) this.consumed.note(element, 'note', `exportfs needs an fsid: ${fsid} given to the export of ${directory}; keep it unique among the exports.`);
      const params: Pairs = [['clientspec', attrs.value('target') ?? '*'], ['directory', directory], ['fsid', fsid]];
      const options = attrs.value('options');
      if (options) params.push(['options', options]);
      return finish({ id: id(`export-${name ?? 'client'}`), class: 'ocf', provider: 'heartbeat', type: 'exportfs', params });
    }
    const mapping = AGENTS[element.name];
    if (!mapping) {
      this.consumed.useTree(element);
      this.consumed.note(element, 'manual', `<${element.name}> has no Pacemaker agent this converter knows: add the resource by hand (pcs resource list shows the agents).`);
      return undefined;
    }
    const params: Pairs = [...(mapping.fixed ?? [])];
    const set = (param: string, value: string) => {
      const at = params.findIndex(([n]) => n === param);
      if (at >= 0) params[at] = [param, value];
      else params.push([param, value]);
    };
    read('name', ...Object.keys(mapping.params));
    for (const [from, to] of Object.entries(mapping.params)) {
      const value = attrs.value(from);
      if (value !== undefined) set(to, mapping.values?.[from]?.[value] ?? value);
    }
    if (element.name === 'netfs') {
      read('host', 'export');
      set('device', `${attrs.value('host') ?? ''}:${attrs.value('export') ?? ''}`);
    }
    if (mapping.advice) this.consumed.note(element, 'manual', `<${element.name}${name ? ` name="${name}"` : ''}>: ${mapping.advice}.`);
    return finish({ id: id(name ?? element.name), class: mapping.class, provider: mapping.provider, type: mapping.type, params });
  }

  private vm(element: XmlElement, attrs: ResolvedAttributes, read: (...names: string[]) => void, id: (wanted: string) => string, ops: Operation[]): Primitive {
    const name = attrs.value('name') ?? 'vm';
    // Its domain and recovery policy are read where it is placed (pacemaker.ts, policy.ts).
    read('name', 'path', 'xmlfile', 'use_virsh', 'hypervisor_uri', 'migrate', 'hypervisor');
    const meta: Pairs = attrs.value('migrate') === 'none' ? [] : [['allow-migrate', 'true']];
    const xmlfile = attrs.value('xmlfile');
    const libvirt = xmlfile !== undefined || attrs.value('use_virsh') === '1' || (attrs.value('hypervisor') ?? 'xen') !== 'xen';
    if (libvirt) {
      const params: Pairs = [['config', xmlfile ?? `/etc/libvirt/${attrs.value('hypervisor') === 'qemu' ? 'qemu' : 'libxl'}/${name}.xml`]];
      params.push(['hypervisor', attrs.value('hypervisor_uri') ?? (attrs.value('hypervisor') === 'qemu' ? 'qemu:///system' : 'xen:///system')]);
      if (!xmlfile) this.consumed.note(element, 'manual', `<vm name="${name}"> is a libvirt guest with no xmlfile: VirtualDomain reads ${params[0][1]}; dump the guest's definition there (virsh dumpxml ${name}) on every node.`);
      return { id: id(name), class: 'ocf', provider: 'heartbeat', type: 'VirtualDomain', params, meta, ops };
    }
    // rgmanager looked the guest's config file up by name along `path` (colon-separated); Xen wants one file.
    const path = (attrs.value('path') ?? '/etc/xen').split(':').filter(Boolean);
    const xmfile = `${path[0] ?? '/etc/xen'}/${name}`;
    if (path.length > 1) this.consumed.note(element, 'manual', `<vm name="${name}" path="${path.join(':')}">: rgmanager searched ${path.length} folders; ocf:heartbeat:Xen reads one file, set to ${xmfile}: check it is the right one.`);
    return { id: id(name), class: 'ocf', provider: 'heartbeat', type: 'Xen', params: [['xmfile', xmfile], ['name', name]], meta, ops };
  }
}
