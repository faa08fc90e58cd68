/** Base64 of raw bytes, without Node's Buffer (browsers, Deno, Bun). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/** The bytes of base64 data, without Node's Buffer. */
export function base64ToBytes(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The UTF-8 text of base64 data. */
export function base64ToText(data: string): string {
  return new TextDecoder().decode(base64ToBytes(data));
}
