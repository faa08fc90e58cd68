// One property per ajv-formats format that rig-schema inlines as code (the others are regular expressions).
export interface Formats {
  /** @format date */
  date?: string;
  /** @format time */
  time?: string;
  /** @format date-time */
  dateTime?: string;
  /** @format iso-time */
  isoTime?: string;
  /** @format iso-date-time */
  isoDateTime?: string;
  /** @format uri */
  uri?: string;
  /** @format regex */
  regex?: string;
  /** @format byte */
  byte?: string;
  /** @format int32 */
  int32?: number;
  /** @format int64 */
  int64?: number;
  /** @format float */
  float?: number;
  /** @format double */
  double?: number;
  /** @format email */
  email?: string;
  /** @format hostname */
  hostname?: string;
  /** @format ipv4 */
  ipv4?: string;
  /** @format ipv6 */
  ipv6?: string;
  /** @format uuid */
  uuid?: string;
  /** @format duration */
  duration?: string;
  /** @format uri-reference */
  uriReference?: string;
  /** @format json-pointer */
  jsonPointer?: string;
  /** @minLength 2 @maxLength 3 */
  emoji?: string;
  /** @uniqueItems true */
  unique?: { id: number }[];
}
