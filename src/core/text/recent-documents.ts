/**
 * What a worker keeps per document, for the few documents set most recently: the ones
 * being worked in. A document pushed out is sent or read again when it is needed.
 */
export class RecentDocuments<T> {
  private readonly byUri = new Map<string, T>();

  constructor(private readonly kept: number) {}

  get(uri: string): T | undefined {
    return this.byUri.get(uri);
  }

  /** Keeps `value` as the newest, dropping the oldest past the limit. */
  set(uri: string, value: T): void {
    this.byUri.delete(uri);
    this.byUri.set(uri, value);
    for (const oldest of this.byUri.keys()) {
      if (this.byUri.size <= this.kept) break;
      this.byUri.delete(oldest);
    }
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}
