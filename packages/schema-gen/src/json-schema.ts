/** A JSON Schema document (the same shape as `@rig-ts/core`'s `JsonSchema`, repeated so this build tool needs no runtime package). */
export type JsonSchema = { [keyword: string]: unknown };
