/** Which attributes an element may carry: its schema attributes, and for fence devices the agent's parameters. */
import type { FenceAgent } from './agents';
import type { XmlElement } from './parse';
import { elementDef } from './schema';

export function allowedAttributes(element: XmlElement, agent?: FenceAgent): string[] {
  const names = new Set(Object.keys(elementDef(element.name)?.attributes ?? {}));
  if (agent && (element.name === 'fencedevice' || element.name === 'device')) {
    for (const name of Object.keys(agent.parameters)) names.add(name);
  }
  return [...names];
}
