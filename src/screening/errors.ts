/**
 * Thrown for any list file that cannot be trusted whole (unreadable, truncated,
 * malformed, inconsistent). A caller catches it and keeps the previous version
 * live: a partial list must never replace a complete one.
 */
export class ListImportError extends Error {
  override readonly name = 'ListImportError';
  readonly source: string;
  readonly path: string;

  constructor(source: string, path: string, reason: string, options?: { cause?: unknown }) {
    super(`cannot import ${source} list from ${path}: ${reason}`, options);
    this.source = source;
    this.path = path;
  }
}
