import { readTextFixture } from '@rig-ts/fixtures';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { load } from 'js-yaml';

const SPEC = 'anthropic/spec/anthropic-stainless-hosted-spec-2024-11.yaml';

let validate: ValidateFunction | undefined;
let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

// The spec writes `Model` with `type: null` (YAML null: no type constraint), which JSON Schema does not allow.
function dropNullTypes(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const record = value as { [key: string]: unknown };
  if (record.type === null) delete record.type;
  for (const item of Object.values(record)) dropNullTypes(item);
}

/** Validates a request body against `BetaCreateMessageParams` of the Nov 2024 spec (the schema with cache control and PDFs). */
export function specErrors(body: unknown): ErrorObject[] {
  validate ??= schemaValidator('BetaCreateMessageParams');
  return validate(body) ? [] : [...(validate.errors ?? [])];
}

function schemaValidator(schemaName: string): ValidateFunction {
  if (ajv === undefined) {
    const spec = load(readTextFixture(SPEC)) as { components: { schemas: unknown } };
    dropNullTypes(spec.components.schemas);
    ajv = new Ajv2020({ strict: false, allErrors: true });
    (formats as unknown as { default: (ajv: Ajv2020) => void }).default(ajv);
    ajv.addSchema({ $id: 'anthropic-spec', components: { schemas: spec.components.schemas } });
  }
  let validator = validators.get(schemaName);
  if (validator === undefined) {
    validator = ajv.compile({ $ref: `anthropic-spec#/components/schemas/${schemaName}` });
    validators.set(schemaName, validator);
  }
  return validator;
}

/** Validates `body` against the schema `schemaName` of the Nov 2024 spec (`BetaMessageBatch`, `BetaCreateMessageBatchParams`…). */
export function specSchemaErrors(schemaName: string, body: unknown): ErrorObject[] {
  const validator = schemaValidator(schemaName);
  return validator(body) ? [] : [...(validator.errors ?? [])];
}

/**
 * What the Nov 2024 spec lacks and the current API takes: removes those fields from a copy of a request body and
 * lists where they were. Top level: `thinking`, `output_config`, `cache_control`, `context_management`,
 * `service_tier`; blocks: `thinking` and `redacted_thinking` blocks, server-tool and other newer blocks, `caller` on
 * `tool_use`, `citations` on text, document `text` / `url` / `file` sources and document `title` / `context` /
 * `citations`, image `url` / `file` sources, `cache_control.ttl`; tools: `strict`; tool choice `none`.
 */
export function withoutFieldsTheSpecLacks(body: { [key: string]: unknown }): {
  body: { [key: string]: unknown };
  removed: string[];
} {
  const removed: string[] = [];
  const copy = structuredClone(body) as { [key: string]: any };
  for (const key of ['thinking', 'output_config', 'cache_control', 'context_management', 'service_tier']) {
    if (key in copy) {
      delete copy[key];
      removed.push(key);
    }
  }
  const ttl = (value: any, path: string) => {
    if (value?.cache_control?.ttl !== undefined) {
      delete value.cache_control.ttl;
      removed.push(`${path}.cache_control.ttl`);
    }
  };
  if (Array.isArray(copy.system)) copy.system.forEach((block: any, index: number) => ttl(block, `system[${index}]`));
  (copy.tools ?? []).forEach((tool: any, index: number) => {
    ttl(tool, `tools[${index}]`);
    if ('strict' in tool) {
      delete tool.strict;
      removed.push(`tools[${index}].strict`);
    }
  });
  if (copy.tool_choice?.type === 'none') {
    delete copy.tool_choice;
    removed.push('tool_choice.none');
  }
  (copy.messages ?? []).forEach((message: any, messageIndex: number) => {
    if (!Array.isArray(message.content)) return;
    message.content = message.content.filter((block: any, blockIndex: number) => {
      const path = `messages[${messageIndex}].content[${blockIndex}]`;
      if (!['text', 'image', 'document', 'tool_use', 'tool_result'].includes(block.type)) {
        removed.push(`${path}:${block.type}`);
        return false;
      }
      ttl(block, path);
      if (block.type === 'tool_use' && 'caller' in block) {
        delete block.caller;
        removed.push(`${path}.caller`);
      }
      if (block.type === 'text' && 'citations' in block) {
        delete block.citations;
        removed.push(`${path}.citations`);
      }
      if (block.type === 'document') {
        for (const key of ['title', 'context', 'citations']) {
          if (key in block) {
            delete block[key];
            removed.push(`${path}.${key}`);
          }
        }
        if (block.source.type !== 'base64') {
          removed.push(`${path}.source:${block.source.type}`);
          return false;
        }
      }
      if (block.type === 'image' && block.source.type !== 'base64') {
        removed.push(`${path}.source:${block.source.type}`);
        return false;
      }
      if (block.type === 'tool_result' && Array.isArray(block.content)) {
        block.content = block.content.filter((part: any, partIndex: number) => {
          if (part.type === 'image' && part.source.type !== 'base64') {
            removed.push(`${path}.content[${partIndex}].source:${part.source.type}`);
            return false;
          }
          return true;
        });
      }
      return true;
    });
  });
  return { body: copy, removed };
}
