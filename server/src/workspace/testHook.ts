/**
 * TEST HOOK, for the tests of "a throw in a language service never takes the
 * server or the CLI down" (test/lsp/robustness.test.ts, test/cli/robustness.test.ts).
 * Never set in normal use.
 *
 * With the environment variable `XCC_TEST_THROW_ON=MARKER` set when the server
 * or the CLI starts (read once, at start-up), a language service method throws
 * an Error for a document whose text contains `MARKER:METHOD` (`parse`,
 * `facts`, `validate`, `ignoreComments`, `complete`, `hover`, `codeActions`,
 * `symbols`, `folding`, `format`, `definition`, `references`, `rename`) or
 * `MARKER:*` (every one).
 * A real input that throws today may be fixed tomorrow; this keeps the guard
 * tested.
 */
import { serviceFor } from '../languages/registry';
import type { LanguageService, ParsedDocument } from '../languages/types';
import type { ServiceLookup } from './runner';

export const TEST_THROW_VARIABLE = 'XCC_TEST_THROW_ON';

/** The registry, or, when the hook's variable is set, the registry with the injected throws. */
export function servicesFromEnvironment(env: NodeJS.ProcessEnv = process.env): ServiceLookup {
  const marker = env[TEST_THROW_VARIABLE];
  return marker ? servicesThrowingOn(marker) : serviceFor;
}

/** Every service of `lookup`, wrapped so that a method throws where the document's text names it after `marker`. */
export function servicesThrowingOn(marker: string, lookup: ServiceLookup = serviceFor): ServiceLookup {
  const wrapped = new Map<string, LanguageService<ParsedDocument>>();
  return (languageId) => {
    const service = lookup(languageId);
    if (!service) return undefined;
    let result = wrapped.get(languageId);
    if (!result) {
      result = wrap(service, marker);
      wrapped.set(languageId, result);
    }
    return result;
  };
}

function wrap(service: LanguageService<ParsedDocument>, marker: string): LanguageService<ParsedDocument> {
  const throwIfMarked = (method: string, text: string) => {
    if (text.includes(`${marker}:${method}`) || text.includes(`${marker}:*`)) throw new Error(`injected by ${TEST_THROW_VARIABLE} in ${service.id} ${method}`);
  };
  const wrapped: Record<string, unknown> = { id: service.id };
  for (const [method, fn] of Object.entries(service) as [string, unknown][]) {
    if (typeof fn !== 'function') continue;
    wrapped[method] = (...args: unknown[]) => {
      const subject = args[0];
      throwIfMarked(method, typeof subject === 'string' ? subject : ((subject as ParsedDocument | undefined)?.text ?? ''));
      return (fn as (...a: unknown[]) => unknown).apply(service, args);
    };
  }
  return wrapped as unknown as LanguageService<ParsedDocument>;
}
