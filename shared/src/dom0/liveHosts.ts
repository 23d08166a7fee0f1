/**
 * What the explorer knows about each host, kept current without VS Code:
 * - each host's subtree updates when that host answers (a host that never
 *   answers holds up only itself);
 * - a refresh asked for while one is running is queued, not dropped, when the
 *   caller knows the running one may be stale (after an action);
 * - after an action the host is read again, and polled briefly until the state
 *   the action should lead to shows ("paused", the guest gone after a shutdown);
 *   meanwhile the domain carries a transition ("shutting down") the tree shows.
 */
import { DomainAction } from './actions';
import { mapWithLimit } from './concurrency';
import { internalError } from './errors';
import { HostSpec } from './hosts';
import { DomainModel, HostModel } from './model';

export interface LiveHostsOptions {
  /** Reads one host; should never reject (a rejection becomes the host's error). */
  readonly refreshHost: (host: HostSpec, signal: AbortSignal) => Promise<HostModel>;
  readonly parallelism: number;
  /** Called whenever a host's model, loading state or a transition changes. */
  readonly onChange: (spec: string) => void;
  /** Milliseconds between reads while waiting for an action's result (default 1500). */
  readonly pollIntervalMs?: number;
}

/** The domain an action was sent to, as the tree showed it. */
export interface ActedDomain {
  readonly name: string;
  readonly id?: number;
}

/** How a wait for an action's result ended. `model`: the last read of the host. */
export interface Settled {
  readonly reached: boolean;
  readonly model?: HostModel;
  /** The domain as last read (undefined when it is gone). */
  readonly domain?: DomainModel;
}

/** What each action should lead to, and what the row says until then. */
const EXPECTED: Partial<Record<DomainAction, { transition: string; done: (domain: DomainModel | undefined) => boolean }>> = {
  pause: { transition: 'pausing', done: (d) => d?.state === 'paused' },
  unpause: { transition: 'unpausing', done: (d) => d !== undefined && d.state !== 'paused' },
  shutdown: { transition: 'shutting down', done: (d) => d === undefined || d.state === 'stopped' },
  destroy: { transition: 'being destroyed', done: (d) => d === undefined || d.state === 'stopped' },
  start: { transition: 'starting', done: (d) => d !== undefined && d.state !== 'stopped' && d.state !== 'building' },
};

/** The domain of `model` an action on `acted` concerns: same id (ids are not reused at once), else, for a stopped one, same name. */
export function findActedDomain(model: HostModel | undefined, acted: ActedDomain): DomainModel | undefined {
  if (!model) return undefined;
  if (acted.id !== undefined) return model.domains.find((d) => d.id === acted.id && d.name === acted.name);
  return model.domains.find((d) => d.name === acted.name);
}

export class LiveHosts {
  private readonly models = new Map<string, HostModel>();
  private readonly running = new Map<string, Promise<HostModel>>();
  private readonly queued = new Map<string, Promise<HostModel>>();
  /** spec -> domain name -> transition text. */
  private readonly transitions = new Map<string, Map<string, string>>();
  private controller = new AbortController();

  constructor(private readonly options: LiveHostsOptions) {}

  /** The host's last model, with the transitions of domains still waiting for an action. */
  model(spec: string): HostModel | undefined {
    const model = this.models.get(spec);
    const pending = this.transitions.get(spec);
    if (!model || !pending?.size) return model;
    return { ...model, domains: model.domains.map((d) => (pending.has(d.name) ? { ...d, transition: pending.get(d.name) } : d)) };
  }

  get modelMap(): ReadonlyMap<string, HostModel> {
    const map = new Map<string, HostModel>();
    for (const spec of this.models.keys()) map.set(spec, this.model(spec) as HostModel);
    return map;
  }

  isLoading(spec: string): boolean {
    return this.running.has(spec);
  }

  get loadingSpecs(): ReadonlySet<string> {
    return new Set(this.running.keys());
  }

  /** Forgets hosts no longer configured. */
  retain(specs: ReadonlySet<string>): void {
    for (const spec of [...this.models.keys()]) if (!specs.has(spec)) this.models.delete(spec);
  }

  /** Abandons every call under way (the settings changed): their answers are dropped. */
  reset(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.running.clear();
    this.queued.clear();
    this.transitions.clear();
  }

  /**
   * Refreshes `hosts`, each updating on its own. A host already being read is
   * skipped (`queue` false: the automatic timer) or read once more after the
   * current read (`queue` true: the answer under way may predate a change).
   */
  async refresh(hosts: readonly HostSpec[], queue = false): Promise<void> {
    await mapWithLimit(hosts, this.options.parallelism, (host) => (queue || !this.running.has(host.spec) ? this.read(host) : this.running.get(host.spec)!));
  }

  /** Reads `host` now, or right after the read under way (at most one waits). */
  read(host: HostSpec): Promise<HostModel> {
    const current = this.running.get(host.spec);
    if (!current) return this.start(host);
    let next = this.queued.get(host.spec);
    if (!next) {
      const signal = this.controller.signal;
      next = current.then(() => {
        this.queued.delete(host.spec);
        return signal.aborted ? current : this.start(host);
      });
      this.queued.set(host.spec, next);
    }
    return next;
  }

  private start(host: HostSpec): Promise<HostModel> {
    const signal = this.controller.signal;
    const reading = this.options
      .refreshHost(host, signal)
      .catch((error): HostModel => ({ host, reachable: false, domains: [], error: internalError(host, 'the refresh', error), warnings: [] }))
      .then((model) => {
        if (signal.aborted) return model; // abandoned: a newer session owns the tree
        if (this.running.get(host.spec) === reading) this.running.delete(host.spec);
        this.models.set(host.spec, model);
        this.options.onChange(host.spec);
        return model;
      });
    this.running.set(host.spec, reading);
    this.options.onChange(host.spec);
    return reading;
  }

  /**
   * After `action` was run on `domain`: reads the host again (after any read
   * under way) and, for actions with a visible result, keeps reading every
   * pollInterval until it shows or `timeoutMs` passed. The row says what is
   * awaited meanwhile.
   */
  async settle(host: HostSpec, action: DomainAction, domain: ActedDomain, timeoutMs: number): Promise<Settled> {
    const expected = EXPECTED[action];
    const signal = this.controller.signal;
    if (expected) this.setTransition(host.spec, domain.name, expected.transition);
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const model = await this.read(host);
        const found = findActedDomain(model, action === 'start' ? { name: domain.name } : domain);
        if (signal.aborted) return { reached: false, model, domain: found };
        // A host that cannot be read says nothing about the domain: keep trying until the deadline.
        if (!expected || (!model.error && expected.done(found))) return { reached: true, model, domain: found };
        if (Date.now() + (this.options.pollIntervalMs ?? 1500) > deadline) return { reached: false, model, domain: found };
        await new Promise((resolve) => setTimeout(resolve, this.options.pollIntervalMs ?? 1500));
      }
    } finally {
      if (expected && !signal.aborted) this.setTransition(host.spec, domain.name, undefined);
    }
  }

  private setTransition(spec: string, name: string, text: string | undefined): void {
    let map = this.transitions.get(spec);
    if (!map) this.transitions.set(spec, (map = new Map()));
    if (text === undefined) map.delete(name);
    else map.set(name, text);
    this.options.onChange(spec);
  }
}
