/**
 * @module openapi-strict
 * Compiles Loket's OAS 3.0 schemas for contract tests as strictly as the spec allows: `nullable` as JSON
 * Schema, `allOf` parts merged into one object, and no property the spec does not name
 * (`additionalProperties: false` on every object schema that lists its properties). The spec is not
 * edited; this happens when compiling.
 */
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (node: Json | undefined): node is JsonObject =>
  node !== null && typeof node === 'object' && !Array.isArray(node);

/** OAS 3.0 `nullable: true` is not JSON Schema: turn it into a type that admits null. */
export function withNullable(node: Json): Json {
  if (Array.isArray(node)) return node.map(withNullable);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node))
    out[key] =
      key === 'properties' && isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, withNullable(schema)]))
        : withNullable(value);
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (typeof out.type === 'string')
    return {
      ...out,
      type: [out.type, 'null'],
      ...(Array.isArray(out.enum) ? { enum: [...out.enum, null] } : {}),
    };
  return { anyOf: [out, { type: 'null' }] };
}

/**
 * `allOf` of object parts (Loket's envelopes: version + messages + content) becomes one object schema,
 * so that closing it does not make each part refuse the others' properties.
 */
function mergeAllOf(node: JsonObject): JsonObject {
  const parts = node.allOf;
  if (
    !Array.isArray(parts) ||
    !parts.every((part) => isObject(part) && (part.properties || part.type === 'object'))
  )
    return node;
  const { allOf: _allOf, ...rest } = node;
  const properties: JsonObject = {};
  const required = new Set<string>();
  for (const part of parts as JsonObject[]) {
    Object.assign(properties, isObject(part.properties) ? part.properties : {});
    for (const name of Array.isArray(part.required) ? part.required : []) required.add(String(name));
  }
  return {
    ...rest,
    type: 'object',
    properties,
    ...(required.size > 0 ? { required: [...required] } : {}),
  };
}

/** Closes every object schema that names its properties; one that names none (`{type: object}`) stays open. */
export function closed(node: Json): Json {
  if (Array.isArray(node)) return node.map(closed);
  if (!isObject(node)) return node;
  const merged = mergeAllOf(node);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(merged))
    out[key] =
      key === 'properties' && isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, closed(schema)]))
        : closed(value);
  if (isObject(out.properties) && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** Ajv for Loket's spec: its formats, and the GUID pattern matched as .NET does, case-insensitively. */
export function loketAjv(): Ajv {
  // Loket's GUID pattern lists only A-F, yet its own examples and ids are lower case.
  const caseInsensitive = Object.assign(
    (pattern: string, flags: string) => new RegExp(pattern, `${flags}i`),
    {
      code: 'new RegExp',
    },
  );
  const ajv = new Ajv({ strict: false, allErrors: true, code: { regExp: caseInsensitive } });
  // ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
  const addFormats = ((formatsPlugin as unknown as { default?: unknown }).default ?? formatsPlugin) as (
    instance: Ajv,
  ) => Ajv;
  addFormats(ajv);
  for (const format of ['metadata', 'int32', 'int64', 'double', 'float', 'decimal'])
    ajv.addFormat(format, true);
  // Every `format: uuid` carries Loket's pattern, which admits braces and no dashes; ajv-formats' uuid
  // (dashed only) would be stricter than the spec, so the pattern alone decides.
  ajv.addFormat('uuid', true);
  return ajv;
}

/** A validator for one schema of the spec, nullable and closed. */
export function compileStrict(ajv: Ajv, schema: Json): ValidateFunction {
  return ajv.compile(closed(withNullable(schema)) as object);
}
