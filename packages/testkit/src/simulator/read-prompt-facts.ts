import { estimateSentiment } from './estimate-sentiment.js';

/** What the simulator's model reads in a prompt, to fill tool arguments and typed answers with. */
export interface PromptFacts {
  /** The prompt itself, trimmed. */
  text: string;
  /** Its words, lower-cased, in order. */
  words: string[];
  /** The numbers it names, in order: digits (`6`, `-2.5`) and the words zero to twenty. */
  numbers: number[];
  /** Place-like names: capitalized words after `in`, `at`, `near`, `for`, `from`, `to` or `of`, then other capitalized words. */
  places: string[];
  /** The arithmetic operator it names (`times`, `plus`, `6 * 7`…), if any. */
  operation: 'add' | 'subtract' | 'multiply' | 'divide' | undefined;
  /** Its sentiment, from -1 to 1 (see `estimateSentiment`). */
  sentiment: number;
}

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
// A number on its own: not part of a word or an id (`gpt-4o`, `v2`), not a date or version's inner part.
const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.-])-?\d+(?:\.\d+)?(?![\p{L}\p{N}_]|[.-]\d)|\b(?:${NUMBER_WORDS.join('|')})\b`,
  'giu',
);
// A capitalized word (`Paris`, `São`), not an identifier's part (`GET_TIME`, `myCity`) nor an all-capitals one.
const NAME = String.raw`(?<![\p{L}\p{N}_])\p{Lu}\p{Ll}[\p{L}\p{M}'’.-]*(?![\p{L}\p{N}_])`;
const PLACE_AFTER_PREPOSITION = new RegExp(
  String.raw`\b(?:in|at|near|for|from|to|of)\s+(${NAME}(?:[ -]${NAME})*)`,
  'gu',
);
const CAPITALIZED = new RegExp(String.raw`${NAME}(?:[ -]${NAME})*`, 'gu');
const OPERATION_WORDS: readonly [PromptFacts['operation'] & string, RegExp][] = [
  ['multiply', /\b(?:times|multipl(?:y|ied|ication)|product)\b|\d\s*[*×x]\s*-?\d/iu],
  ['divide', /\b(?:divide[sd]?|division|quotient)\b|\d\s*[/÷]\s*-?\d/iu],
  ['add', /\b(?:plus|add(?:ed|ition)?|sum)\b|\d\s*\+\s*-?\d/iu],
  ['subtract', /\b(?:minus|subtract(?:ed|ion)?|difference)\b|\d\s+-\s*-?\d/iu],
];

function placesIn(text: string): string[] {
  const places: string[] = [];
  for (const match of text.matchAll(PLACE_AFTER_PREPOSITION)) places.push(match[1]!.replace(/[.’']+$/u, ''));
  // Other capitalized words, except at the start of a sentence and the pronoun I.
  for (const match of text.matchAll(CAPITALIZED)) {
    const before = text.slice(0, match.index).trimEnd();
    if (before === '' || /[.!?:;"'‘“(]$/u.test(before) || match[0] === 'I') continue;
    places.push(match[0].replace(/[.’']+$/u, ''));
  }
  return [...new Set(places)];
}

/** Reads the facts of a prompt (pure, deterministic). */
export function readPromptFacts(prompt: string): PromptFacts {
  const text = prompt.trim();
  const numbers = [...text.matchAll(NUMBER)].map(([match]) => {
    const word = NUMBER_WORDS.indexOf(match.toLowerCase());
    return word === -1 ? Number(match) : word;
  });
  return {
    text,
    words: text.toLowerCase().match(/[\p{L}\p{N}'-]+/gu) ?? [],
    numbers,
    places: placesIn(text),
    operation: OPERATION_WORDS.find(([, pattern]) => pattern.test(text))?.[0],
    sentiment: estimateSentiment(text),
  };
}
