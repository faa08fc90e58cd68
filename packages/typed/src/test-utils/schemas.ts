// The types typed's tests and the size-budget entry use; `schemas.gen.ts` is generated from this file with
// `rig-schema src/test-utils/schemas.ts -o src/test-utils/schemas.gen.ts` (checked by @rig-ts/schema-gen's tests).

/** The sentiment of a text. */
export interface SentimentAnalysis {
  /**
   * The sentiment score from -1.0 to 1.0
   * @minimum -1
   * @maximum 1
   */
  score: number;
  /** The sentiment label */
  label: string;
}

/** A city and its country (pydantic-ai's native-output recording). */
export interface CityLocation {
  city: string;
  country: string;
}

/** A role-playing character (vercel/ai's Anthropic native-output recording). */
export interface Character {
  name: string;
  class: 'warrior' | 'mage' | 'thief';
  description: string;
}

export interface Characters {
  characters: Character[];
}

export interface Ingredient {
  name: string;
  amount: string;
}

/** A recipe (vercel/ai's Anthropic native-output recording). */
export interface Recipe {
  recipe: {
    name: string;
    ingredients: Ingredient[];
    steps: string[];
  };
}

/** Optional properties, some nullable: what OpenAI strict mode turns into required nullable ones. */
export interface Profile {
  name: string;
  nickname?: string;
  middleName?: string | null;
  address?: {
    city: string;
    zip?: string;
  };
  tags?: { label: string; weight?: number }[];
}
