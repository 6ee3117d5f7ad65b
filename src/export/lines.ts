/**
 * Building a document as lines. `out.push(...lines)` passes every line as an argument, which is
 * slow for a long list and throws (too many arguments) for a note of a few hundred thousand lines;
 * `append` copies them one by one instead.
 */

/** Appends lines (single strings or lists of them) to `out`, in order. */
export function append(out: string[], ...parts: ReadonlyArray<string | readonly string[]>): void {
  for (const part of parts) {
    if (typeof part === 'string') out.push(part);
    else for (const line of part) out.push(line);
  }
}
