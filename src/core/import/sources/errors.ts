/**
 * The one error the inventory readers throw for bad input: a file that is not an inventory, a
 * damaged or encrypted archive, invalid JSON, or a file over a safety limit. Its message is one
 * line that names the file, fit to show the user as it is (control characters escaped); `problem`
 * lets callers and tests tell the cases apart without matching the text.
 */

export type ImportInputProblem =
  /** The file has no bytes. */
  | 'empty'
  /** Not a zip, workbook, CSV or JSON file. */
  | 'unrecognized'
  /** An Excel 97-2003 (.xls) or other Office binary file. */
  | 'legacy-excel'
  /** A CSV file whose name does not say which RVTools tab it holds. */
  | 'csv-name'
  /** A workbook, zip or folder without any RVTools tab. */
  | 'no-rvtools-tabs'
  /** A zip or workbook that cannot be read: truncated, damaged, or its sizes or checksums do not match. */
  | 'corrupt'
  /** A password-protected zip. */
  | 'encrypted'
  /** A zip entry compressed with a method other than stored or deflate. */
  | 'unsupported-compression'
  /** Text that starts like JSON but does not parse. */
  | 'invalid-json'
  /** CSV text that does not parse. */
  | 'invalid-csv'
  /** Over ImportLimits.maxInputBytes. */
  | 'too-large'
  /** Over ImportLimits.maxZipEntries. */
  | 'too-many-entries'
  /** Over ImportLimits.maxUncompressedBytes. */
  | 'too-much-uncompressed'
  /** Over ImportLimits.maxCompressionRatio. */
  | 'compression-ratio';

export class ImportInputError extends Error {
  override readonly name = 'ImportInputError';

  constructor(
    readonly problem: ImportInputProblem,
    /** The file (or folder) the message names. */
    readonly file: string,
    message: string,
  ) {
    super(printable(message));
  }
}

/**
 * Text with its control characters (line breaks, terminal escapes) written as \u escapes: file and
 * zip entry names come from the input, and a message must stay one harmless line.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
