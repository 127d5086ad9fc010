/**
 * Bytes to text for CSV and JSON inventories. RVTools writes CSV as UTF-8 with a byte order mark,
 * or in the Windows code page; Windows PowerShell 5.1 writes JSON as UTF-16 with a byte order
 * mark. A byte order mark decides; without one the bytes are read as UTF-8 when they are valid
 * UTF-8, else as Windows-1252 (which decodes any byte).
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The text, without its byte order mark. */
  readonly text: string;
  readonly encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8OrWindows(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16be' };
  return decodeUtf8OrWindows(bytes);
}

function decodeUtf8OrWindows(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252 at 0x80-0x9F (undefined bytes stay C1 controls, as in the WHATWG table); elsewhere it is Latin-1. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decoded by hand: Node's TextDecoder (up to v22 at least) decodes the "windows-1252" label as
 * Latin-1, turning € and curly quotes into C1 control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    let chunk = '';
    const end = Math.min(bytes.length, start + 8192);
    for (let i = start; i < end; i++) {
      const byte = bytes[i] as number;
      chunk += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    }
    chunks.push(chunk);
  }
  return chunks.join('');
}
