/**
 * A small JSON Schema validator for the keywords package.json's settings use (type, enum, pattern,
 * required, properties, additionalProperties, items, anyOf, minimum, maximum), so that a test can
 * say what settings.json flags. Patterns are compiled as VS Code compiles them (the `u` flag).
 * A keyword it does not know is an error: a schema it cannot judge must not pass silently.
 */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
}

/** Keywords that only document or present a setting. */
const ANNOTATIONS = new Set(['default', 'description', 'markdownDescription', 'patternErrorMessage', 'enumDescriptions', 'markdownEnumDescriptions', 'scope', 'order', 'tags', 'deprecationMessage']);
const KEYWORDS = new Set(['type', 'enum', 'pattern', 'required', 'properties', 'additionalProperties', 'items', 'anyOf', 'minimum', 'maximum']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** True when `value` satisfies `schema`. */
export function validates(schema: JsonSchema, value: unknown): boolean {
  for (const keyword of Object.keys(schema)) {
    if (!KEYWORDS.has(keyword) && !ANNOTATIONS.has(keyword)) throw new Error(`jsonSchema: keyword "${keyword}" is not supported`);
  }
  if (schema.type !== undefined) {
    const actual = typeOf(value);
    if (actual !== schema.type && !(schema.type === 'number' && actual === 'integer')) return false;
  }
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (schema.anyOf && !schema.anyOf.some((option) => validates(option, value))) return false;
  if (typeof value === 'string' && schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return false;
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return false;
    if (schema.maximum !== undefined && value > schema.maximum) return false;
  }
  if (Array.isArray(value) && schema.items && !value.every((item) => validates(schema.items!, item))) return false;
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    if (schema.required?.some((key) => !(key in object))) return false;
    for (const [key, item] of Object.entries(object)) {
      const property = schema.properties?.[key];
      if (property ? !validates(property, item) : schema.additionalProperties === false) return false;
    }
  }
  return true;
}
