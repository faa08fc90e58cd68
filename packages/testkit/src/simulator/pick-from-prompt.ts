import type { JsonSchema, JsonValue } from '@rig-ts/core';
import type { SchemaValueSlot } from '../schema/generate-schema-instance.js';
import { readPromptFacts, type PromptFacts } from './read-prompt-facts.js';

type Operation = NonNullable<PromptFacts['operation']>;
type SentimentLabel = 'positive' | 'negative' | 'neutral';

// What a field is about, from its name, title and description.
const PLACE_FIELD = /city|cities|town|place|location|destination|country|region/i;
const SENTIMENT_FIELD = /sentiment|polarity|mood|tone|feeling|emotion/i;
const SCORE_FIELD = /score|rating|stars|polarity|sentiment/i;
const LABEL_FIELD = /^(?:label|category|class|classification|verdict)$/i;
const QUERY_FIELD = /^(?:query|question|prompt|input|text|message|search|search_?query|q)$/i;
// A prompt that asks about sentiment makes a bare `label` or `score` field a sentiment.
const SENTIMENT_PROMPT = /sentiment|feel|mood|emotion|opinion|review|tone/i;

/** Enum values, lower-cased, that mean each operation or sentiment label. */
const OPERATION_VALUES: { readonly [operation in Operation]: readonly string[] } = {
  add: ['add', 'addition', 'plus', 'sum', '+'],
  subtract: ['subtract', 'subtraction', 'minus', 'difference', 'sub', '-'],
  multiply: ['multiply', 'multiplication', 'times', 'product', 'mul', '*', '×', 'x'],
  divide: ['divide', 'division', 'quotient', 'div', '/', '÷'],
};
const SENTIMENT_VALUES: { readonly [label in SentimentLabel]: readonly string[] } = {
  positive: ['positive', 'pos', 'good', 'happy', 'favorable', 'favourable'],
  negative: ['negative', 'neg', 'bad', 'unhappy', 'unfavorable', 'unfavourable'],
  neutral: ['neutral', 'mixed', 'indifferent'],
};

function sentimentLabel(sentiment: number): SentimentLabel {
  return sentiment > 0.2 ? 'positive' : sentiment < -0.2 ? 'negative' : 'neutral';
}

function numberBound(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function fitsNumber(schema: JsonSchema, integer: boolean, value: number): boolean {
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) return false;
  const minimum = numberBound(schema.minimum);
  const maximum = numberBound(schema.maximum);
  if (minimum !== undefined && (value < minimum || (schema.exclusiveMinimum === true && value === minimum)))
    return false;
  if (maximum !== undefined && (value > maximum || (schema.exclusiveMaximum === true && value === maximum)))
    return false;
  const exclusiveMinimum = numberBound(schema.exclusiveMinimum);
  const exclusiveMaximum = numberBound(schema.exclusiveMaximum);
  if (
    (exclusiveMinimum !== undefined && value <= exclusiveMinimum) ||
    (exclusiveMaximum !== undefined && value >= exclusiveMaximum)
  )
    return false;
  const multipleOf = numberBound(schema.multipleOf);
  return multipleOf === undefined || multipleOf <= 0 || Number.isInteger(Number((value / multipleOf).toPrecision(12)));
}

function fitsString(schema: JsonSchema, value: string): boolean {
  const length = [...value].length;
  if (length === 0) return false;
  if (typeof schema.minLength === 'number' && length < schema.minLength) return false;
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) return false;
  if (typeof schema.pattern === 'string') {
    try {
      if (!new RegExp(schema.pattern, 'u').test(value)) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** The sentiment as a score inside the field's bounds: as it is for -1…1 or no bounds, else moved into the range. */
function sentimentScore(schema: JsonSchema, integer: boolean, sentiment: number): number {
  const low = numberBound(schema.minimum) ?? numberBound(schema.exclusiveMinimum);
  const high = numberBound(schema.maximum) ?? numberBound(schema.exclusiveMaximum);
  const score =
    low === undefined || high === undefined || (low === -1 && high === 1)
      ? sentiment
      : low + ((sentiment + 1) / 2) * (high - low);
  return integer ? Math.round(score) : Math.round(score * 100) / 100;
}

function pickEnum(values: readonly unknown[], facts: PromptFacts): JsonValue | undefined {
  const strings = values.filter((value): value is string => typeof value === 'string');
  const lower = facts.text.toLowerCase();
  // A value the prompt names.
  const named = strings.find(
    (value) =>
      value.length > 1 &&
      (/\s/.test(value) ? lower.includes(value.toLowerCase()) : facts.words.includes(value.toLowerCase())),
  );
  if (named !== undefined) return named;
  // A value meaning the operation the prompt names.
  if (facts.operation !== undefined) {
    const operation = strings.find((value) => OPERATION_VALUES[facts.operation!].includes(value.toLowerCase()));
    if (operation !== undefined) return operation;
  }
  // A sentiment label that fits the text, when the values are sentiment labels.
  const labels = Object.values(SENTIMENT_VALUES).flat();
  if (strings.some((value) => labels.includes(value.toLowerCase()))) {
    const fitting = strings.find((value) =>
      SENTIMENT_VALUES[sentimentLabel(facts.sentiment)].includes(value.toLowerCase()),
    );
    if (fitting !== undefined) return fitting;
  }
  // A number the prompt names.
  return values.find((value) => typeof value === 'number' && facts.numbers.includes(value)) as number | undefined;
}

/**
 * The simulator's way of filling tool arguments and typed answers from the conversation, as the `pick` option of
 * `generateSchemaInstance`: a small, deterministic heuristic driven by each field's schema, name and description.
 * - an `enum`: the value the prompt names, else the one meaning the arithmetic operation it names (`times` →
 *   `multiply`), else the sentiment label that fits the text (`positive` / `negative` / `neutral`), else a number it names;
 * - a number or integer about a score or rating of sentiment: the text's sentiment moved into the field's bounds;
 *   any other: the next number of the prompt that fits the bounds, in order (`6 times 7` → `a: 6`, `b: 7`);
 * - a string about a city, place or country: a capitalized name after `in`, `at`, `to`… (`in Paris` → `Paris`);
 *   about a sentiment, mood or tone (or a `label` / `category` when the prompt asks about sentiment): the label that
 *   fits the text; named `query`, `question`, `text`, `prompt`…: the prompt itself.
 * Anything else, or a value that would not fit the schema, is left to the generated placeholder; so are the second and
 * later items of an array, but for places (the second place named, and so on) and numbers (the next one).
 */
export function pickFromPrompt(prompt: string): (slot: SchemaValueSlot) => JsonValue | undefined {
  const facts = readPromptFacts(prompt);
  const usedNumbers = new Set<number>();
  const sentimentPrompt = SENTIMENT_PROMPT.test(facts.text);
  return ({ schema, type, name, variant }) => {
    // Only the first of several items: the others keep their distinct generated values.
    if (Array.isArray(schema.enum) && schema.enum.length > 0)
      return variant === 0 ? pickEnum(schema.enum, facts) : undefined;
    const about = [name, schema.title, schema.description].filter((part) => typeof part === 'string').join(' ');
    if (type === 'number' || type === 'integer') {
      const integer = type === 'integer';
      if (SCORE_FIELD.test(about) && (SENTIMENT_FIELD.test(about) || sentimentPrompt)) {
        const score = sentimentScore(schema, integer, facts.sentiment);
        return fitsNumber(schema, integer, score) ? score : undefined;
      }
      const index = facts.numbers.findIndex(
        (number, position) => !usedNumbers.has(position) && fitsNumber(schema, integer, number),
      );
      if (index === -1) return undefined;
      usedNumbers.add(index);
      return facts.numbers[index];
    }
    if (type !== 'string' || typeof schema.format === 'string') return undefined;
    let value: string | undefined;
    if (PLACE_FIELD.test(about)) value = facts.places[variant];
    else if (variant > 0) value = undefined;
    else if (SENTIMENT_FIELD.test(about) || (LABEL_FIELD.test(name) && sentimentPrompt))
      value = sentimentLabel(facts.sentiment);
    else if (QUERY_FIELD.test(name)) value = facts.text;
    return value !== undefined && fitsString(schema, value) ? value : undefined;
  };
}
