// Source text of the small run-time helpers that ajv's standalone code `require`s, inlined into generated modules so
// that they import nothing at run time. Ported from ajv (`ajv/dist/runtime/*`, fast-deep-equal) and ajv-formats
// (`dist/formats.js`, full mode), MIT licensed.

/** Helpers by the `require(...)` expression ajv's standalone code uses. */
export const RUNTIME_HELPERS: { [requireExpression: string]: { name: string; source: string } } = {
  'require("ajv/dist/runtime/ucs2length").default': {
    name: 'ucs2length',
    source: `function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}`,
  },
  'require("ajv/dist/runtime/equal").default': {
    name: 'deepEqual',
    source: `function deepEqual(a, b) {
  if (a === b) return true;
  if (a && b && typeof a == 'object' && typeof b == 'object') {
    if (a.constructor !== b.constructor) return false;
    let length, i;
    if (Array.isArray(a)) {
      length = a.length;
      if (length != b.length) return false;
      for (i = length; i-- !== 0; ) if (!deepEqual(a[i], b[i])) return false;
      return true;
    }
    const keys = Object.keys(a);
    length = keys.length;
    if (length !== Object.keys(b).length) return false;
    for (i = length; i-- !== 0; ) if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
    for (i = length; i-- !== 0; ) if (!deepEqual(a[keys[i]], b[keys[i]])) return false;
    return true;
  }
  return a !== a && b !== b;
}`,
  },
};

const DATE = `const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const date = (str) => {
    const matches = /^(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)$/.exec(str);
    if (!matches) return false;
    const year = +matches[1];
    const month = +matches[2];
    const day = +matches[3];
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]);
  };`;

const TIME = `const time = (strictTimeZone) => (str) => {
    const matches = /^(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)(z|([+-])(\\d\\d)(?::?(\\d\\d))?)?$/i.exec(str);
    if (!matches) return false;
    const hr = +matches[1];
    const min = +matches[2];
    const sec = +matches[3];
    const tz = matches[4];
    const tzSign = matches[5] === '-' ? -1 : 1;
    const tzH = +(matches[6] || 0);
    const tzM = +(matches[7] || 0);
    if (tzH > 23 || tzM > 59 || (strictTimeZone && !tz)) return false;
    if (hr <= 23 && min <= 59 && sec < 60) return true;
    const utcMin = min - tzM * tzSign;
    const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
    return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
  };`;

function dateTime(strict: boolean): string {
  return `${DATE}
  ${TIME}
  const timeOf = time(${strict});
  return { validate: (str) => { const parts = str.split(/t|\\s/i); return parts.length === 2 && date(parts[0]) && timeOf(parts[1]); } };`;
}

// ajv-formats' URI pattern (RFC 3986), verbatim.
const URI_PATTERN = String.raw`/^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i`;

/** Bodies (returning the format) of the ajv-formats formats that are functions rather than regular expressions. */
const FORMAT_BODIES: { [format: string]: string } = {
  date: `${DATE}\n  return { validate: date };`,
  time: `${TIME}\n  return { validate: time(true) };`,
  'iso-time': `${TIME}\n  return { validate: time(false) };`,
  'date-time': dateTime(true),
  'iso-date-time': dateTime(false),
  uri: `const URI = ${URI_PATTERN};
  return (str) => /\\/|:/.test(str) && URI.test(str);`,
  regex: `return (str) => {
    if (/[^\\\\]\\\\Z/.test(str)) return false;
    try {
      new RegExp(str);
      return true;
    } catch {
      return false;
    }
  };`,
  byte: `const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
  return (str) => { BYTE.lastIndex = 0; return BYTE.test(str); };`,
  int32: `return { type: 'number', validate: (value) => Number.isInteger(value) && value <= 2 ** 31 - 1 && value >= -(2 ** 31) };`,
  int64: `return { type: 'number', validate: (value) => Number.isInteger(value) };`,
  float: `return { type: 'number', validate: () => true };`,
  double: `return { type: 'number', validate: () => true };`,
};

/** The source of one ajv-formats format (a function or `{ validate }` object) as a pure expression, if it needs one. */
export function formatSource(format: string): string | undefined {
  const body = FORMAT_BODIES[format];
  return body === undefined ? undefined : `/* @__PURE__ */ (() => {\n  ${body}\n})()`;
}
