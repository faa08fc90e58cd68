// Types JSON Schema cannot express, for rig-schema's error tests.

export interface WithCallback {
  name: string;
  onDone: () => void;
}

export interface WithMethod {
  name: string;
  greet(): string;
}

export interface WithSymbol {
  id: symbol;
}

export interface WithBigInt {
  nested: { amount: bigint }[];
}

export interface Box<T> {
  value: T;
}

/** A recursive generic that never closes: each level nests the next in an array. */
export type Nest<T> = { value: T; next?: Nest<T[]> };

export type StringNest = Nest<string>;

export interface Fine {
  ok: boolean;
}
