// The zod schemas as JSON Schema for the OpenAPI description. The shapes that recur (a device,
// a stranger sighting, the error body, each event) become `components.schemas` once and are
// referenced by `$ref` everywhere else; a shape only one operation uses stays inline there.
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * `output`: what the hub sends; unknown properties are refused, so a test notices a field the
 * description lacks. `input`: what the hub accepts; a field with a default is optional.
 */
export type Io = 'input' | 'output';

export interface SchemaParts {
  /** Shapes with a name of their own, as `components.schemas`. */
  named: Record<string, z.ZodType>;
  /** Schemas converted only to be placed inline (an operation's own input or output), by label. */
  inline: Record<string, z.ZodType>;
}

export interface SchemaSet {
  components: Record<string, JsonSchema>;
  /** The JSON Schema of a schema given in `named` (a `$ref`) or `inline`. */
  jsonOf(schema: z.ZodType, io: Io): JsonSchema;
  /** A component a `$ref` points at; any other schema as it is. */
  resolve(json: JsonSchema): JsonSchema;
}

const COMPONENTS = '#/components/schemas/';
/** Registry ids of the inline schemas; nothing may refer to them once they are put back. */
const INLINE = 'inline.';

export const componentRef = (name: string): JsonSchema => ({ $ref: `${COMPONENTS}${name}` });

export function convertSchemas(parts: Record<Io, SchemaParts>): SchemaSet {
  const components: Record<string, JsonSchema> = {};
  const inline: Record<Io, Map<z.ZodType, JsonSchema>> = { input: new Map(), output: new Map() };
  const names: Record<Io, Map<z.ZodType, string>> = { input: new Map(), output: new Map() };
  for (const io of ['output', 'input'] as const) {
    // One registry per direction, so that shared shapes come out as references.
    const registry = z.registry<{ id: string }>();
    for (const [name, schema] of Object.entries(parts[io].named)) {
      const taken = names[io].get(schema);
      if (taken) throw new Error(`${name} and ${taken} are the same ${io} schema; name it once`);
      names[io].set(schema, name);
      registry.add(schema, { id: name });
    }
    const inlineIds = new Map<string, z.ZodType>();
    for (const [label, schema] of Object.entries(parts[io].inline)) {
      if (registry.has(schema)) continue;
      const id = `${INLINE}${label}`;
      inlineIds.set(id, schema);
      registry.add(schema, { id });
    }
    const converted = z.toJSONSchema(registry, {
      io,
      unrepresentable: 'any',
      uri: (id) => `${COMPONENTS}${id}`,
    }).schemas as Record<string, JsonSchema>;
    const dangling = JSON.stringify(converted).match(
      /"\$ref":"#\/components\/schemas\/inline\.[^"]*"/,
    );
    if (dangling) {
      throw new Error(`a shape used in two places has no name (${dangling[0]}): add it to named`);
    }
    for (const [id, json] of Object.entries(converted)) {
      const schema = inlineIds.get(id);
      if (schema) inline[io].set(schema, withoutHeader(json));
      else if (components[id]) throw new Error(`two schemas are named ${id}`);
      else components[id] = withoutHeader(json);
    }
  }
  return {
    components,
    jsonOf(schema, io) {
      const name = names[io].get(schema);
      if (name) return componentRef(name);
      const json = inline[io].get(schema);
      if (!json) throw new Error(`an ${io} schema was not given to convertSchemas`);
      return json;
    },
    resolve(json) {
      const ref = json.$ref;
      if (typeof ref !== 'string') return json;
      const found = components[ref.slice(COMPONENTS.length)];
      if (!found) throw new Error(`${ref} is not a component`);
      return found;
    },
  };
}

/** `$schema` and `$id` belong to a standalone document, not to a part of an OpenAPI one. */
function withoutHeader(json: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = json;
  return rest;
}
