// Twenty-odd types of increasing difficulty for rig-schema's tests (generated into interfaces.gen.ts).

/** 1. One required boolean. */
export interface Flag {
  enabled: boolean;
}

/** 2. The seed's example: doc comments become descriptions. */
export interface SentimentAnalysis {
  /** The sentiment score from -1.0 to 1.0 */
  score: number;
  /** The sentiment label */
  label: string;
}

/** 3. An optional property. */
export interface Person {
  name: string;
  age?: number;
}

/** 4. Integers and bounds from JSDoc annotations. */
export interface Counter {
  /**
   * How many.
   * @TJS-type integer
   * @minimum 0
   */
  count: number;
  /** @multipleOf 0.5 */
  step?: number;
}

/** 5. An array of strings. */
export interface Tagged {
  tags: string[];
}

export interface Point {
  x: number;
  y: number;
}

/** 6. Nested, referenced interfaces. */
export interface Line {
  from: Point;
  to: Point;
}

/** 7. An array of objects. */
export interface Order {
  id: string;
  items: { sku: string; quantity: number }[];
}

/** 8. A string-literal union. */
export interface Status {
  state: 'pending' | 'done' | 'failed';
}

export enum Priority {
  Low = 'low',
  High = 'high',
}

export enum Level {
  Debug,
  Info,
  Error,
}

/** 9. String and numeric enums. */
export interface Task {
  title: string;
  priority: Priority;
  level?: Level;
}

/** 10. A record. */
export interface Scores {
  byName: Record<string, number>;
}

/** 11. Dates become date-time strings. */
export interface Meeting {
  at: Date;
  notes?: string;
}

/** 12. String formats. */
export interface Contact {
  /** @format email */
  email: string;
  /** @format uri */
  website?: string;
  /** @format uuid */
  id: string;
  /** @format date */
  birthday?: string;
}

/** 13. Annotations on strings and numbers, and a default. */
export interface Product {
  /**
   * The product's name.
   * @minLength 1
   * @maxLength 40
   */
  name: string;
  /**
   * @minimum 0
   * @exclusiveMaximum 1000000
   */
  price: number;
  /** @pattern ^[A-Z]{3}$ */
  currency: string;
  /** @default 1 */
  quantity?: number;
}

/** 14. Tuples, with an optional element. */
export interface Coordinates {
  pair: [number, number];
  labeled: [string, number, boolean?];
}

/** 15. Nullable properties, required and optional. */
export interface Nullable {
  middleName: string | null;
  nickname?: string | null;
}

/** 16. A discriminated union. */
export type Shape = { kind: 'circle'; radius: number } | { kind: 'square'; side: number };

/** 17. A record of arrays of inline objects. */
export interface Inventory {
  warehouses: Record<string, { sku: string; count: number }[]>;
}

/** 18. A recursive interface. */
export interface Category {
  name: string;
  children: Category[];
}

/** 19. Inheritance and utility types. */
export interface Employee extends Person {
  /** @format email */
  email: string;
}

export type PublicPerson = Omit<Employee, 'age'>;

export type PartialPoint = Partial<Point>;

/** 20. Literal constants. */
export interface Versioned {
  version: 1;
  mode: 'strict';
  enabled: true;
}

/** 21. Nested arrays and anything-goes values. */
export interface Dataset {
  rows: number[][];
  metadata: unknown;
  extra?: { [key: string]: string | number };
}

export interface LineItem {
  /** @minLength 1 */
  description: string;
  /**
   * @TJS-type integer
   * @minimum 1
   */
  quantity: number;
  /** @minimum 0 */
  unitPrice: number;
}

/** 22. Everything at once: an invoice. */
export interface Invoice {
  /** @pattern ^INV-\d{4}$ */
  number: string;
  issuedAt: Date;
  status: 'draft' | 'sent' | 'paid';
  customer: Person & { address?: { street: string; city: string; zip?: string } };
  /** @minItems 1 */
  lines: LineItem[];
  taxes?: Record<string, number>;
  notes?: string | null;
  priority: Priority;
}
