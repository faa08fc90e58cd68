// Small on purpose: enough for the simulator's answers to read right on everyday text, not a sentiment model.
const STRONG_POSITIVE = [
  'love',
  'loved',
  'loves',
  'adore',
  'amazing',
  'awesome',
  'excellent',
  'fantastic',
  'wonderful',
  'perfect',
  'best',
  'brilliant',
  'outstanding',
  'superb',
  'delighted',
  'thrilled',
];
const POSITIVE = [
  'like',
  'liked',
  'likes',
  'good',
  'great',
  'nice',
  'happy',
  'glad',
  'pleased',
  'enjoy',
  'enjoyed',
  'fine',
  'recommend',
  'beautiful',
  'helpful',
  'fast',
  'easy',
  'works',
  'thanks',
  'thank',
  'cool',
  'fun',
];
const STRONG_NEGATIVE = [
  'hate',
  'hated',
  'hates',
  'awful',
  'terrible',
  'horrible',
  'worst',
  'disgusting',
  'useless',
  'furious',
  'dreadful',
  'appalling',
  'broken',
];
const NEGATIVE = [
  'dislike',
  'bad',
  'poor',
  'sad',
  'angry',
  'annoying',
  'annoyed',
  'disappointing',
  'disappointed',
  'slow',
  'boring',
  'wrong',
  'problem',
  'fails',
  'failed',
  'unhappy',
  'difficult',
  'hard',
  'ugly',
  'expensive',
];
const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  "don't",
  'dont',
  "doesn't",
  'doesnt',
  "didn't",
  'didnt',
  "isn't",
  'isnt',
  "wasn't",
  'wasnt',
  "aren't",
  "won't",
  "can't",
  'cannot',
  'hardly',
]);

const WEIGHTS = new Map<string, number>([
  ...STRONG_POSITIVE.map((word) => [word, 2] as const),
  ...POSITIVE.map((word) => [word, 1] as const),
  ...STRONG_NEGATIVE.map((word) => [word, -2] as const),
  ...NEGATIVE.map((word) => [word, -1] as const),
]);

/**
 * The sentiment of a text from -1 (negative) to 1 (positive), rounded to two decimals; 0 when no word of a small
 * lexicon appears. Strong words weigh 2, mild ones 1, a negation just before a word turns it around, and an
 * exclamation mark strengthens a sentiment already there. The sum `s` becomes `s / (|s| + 1)`: "I love this
 * product!" gives 0.75, "not good" -0.5.
 */
export function estimateSentiment(text: string): number {
  const words =
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[a-z']+/g) ?? [];
  let sum = 0;
  words.forEach((word, index) => {
    const weight = WEIGHTS.get(word);
    if (weight === undefined) return;
    const negated = NEGATIONS.has(words[index - 1] ?? '') || NEGATIONS.has(words[index - 2] ?? '');
    sum += negated ? -weight : weight;
  });
  if (sum !== 0 && text.includes('!')) sum += Math.sign(sum);
  return Math.round((sum / (Math.abs(sum) + 1)) * 100) / 100;
}
