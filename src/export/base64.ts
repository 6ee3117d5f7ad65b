/**
 * Image bytes as base64 text and back, for backups and inline HTML images. `Buffer` is Node-only
 * (the extension has none) and `Uint8Array.prototype.toBase64` is too new for Node 20, so this
 * uses only what browsers and Node 20 both have. Encoding fills the output characters into a byte
 * array and decodes it as ASCII once: `btoa` over chunks of `String.fromCharCode(...)` gives the
 * same text but is several times slower in Node (a 12 MB screenshot: 650 ms against under 200 ms).
 * Decoding uses `atob`, a chunk at a time (about 100–200 ms for the same screenshot).
 */

/** Characters per `atob` call: a multiple of 4, so every chunk is whole base64. */
const DECODE_CHUNK = 4 * 16384;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The alphabet's character codes by 6-bit value. */
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = 0x3d;

/** Standard base64 (RFC 4648 §4) with its padding: what `btoa` writes, nothing else. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** True when `text` is padded standard base64 (charset, padding, length a multiple of 4). */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64.test(text);
}

/** How many bytes padded base64 text decodes to (the text must pass `isBase64`). */
export function base64ByteLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** The bytes as padded standard base64 (the same text `btoa` writes). */
export function bytesToBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  const code = (value: number) => CODES[value & 63] as number;
  const byte = (i: number) => (i < n ? (bytes[i] as number) : 0);
  let o = 0;
  for (let i = 0; i < n; i += 3) {
    const v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    out[o++] = code(v >> 18);
    out[o++] = code(v >> 12);
    out[o++] = i + 1 < n ? code(v >> 6) : PAD;
    out[o++] = i + 2 < n ? code(v) : PAD;
  }
  return new TextDecoder().decode(out);
}

/** The bytes of padded standard base64 text; throws when the text is not that (check `isBase64` first). */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  if (!isBase64(text)) throw new Error('not base64');
  const bytes = new Uint8Array(new ArrayBuffer(base64ByteLength(text)));
  let at = 0;
  for (let start = 0; start < text.length; start += DECODE_CHUNK) {
    const binary = atob(text.slice(start, start + DECODE_CHUNK));
    for (let i = 0; i < binary.length; i++) bytes[at++] = binary.charCodeAt(i);
  }
  return bytes;
}
