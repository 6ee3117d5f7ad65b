/**
 * A long document written piece by piece, in chunks. Why not one `+=` string or an array of lines
 * joined at the end: both keep every small piece of a multi-megabyte report alive until the very
 * end, so each young-generation garbage collection copies all of them again (in a profile of the
 * 10,000-claim Markdown export, collection took more time than rendering). Here the pieces are
 * joined into one flat string every CHUNK characters (or SLOTS pieces) and die young; the chunks are then
 * concatenated, which V8 does without copying (a rope of flat chunks, the same shape as the
 * string `JSON.stringify` returns), and flattened once by whoever reads the characters.
 */

/**
 * Characters per chunk, at most: the size of V8's own parts when `JSON.stringify` builds a long
 * string. Chunks of 128K characters (large-object space, never copied by young-generation
 * collections) halved collection time but measured no faster overall: each is a fresh allocation
 * of its own.
 */
const CHUNK = 1 << 14;

/**
 * Pieces per chunk, at most. The pieces go into one array made once per writer and overwritten
 * chunk after chunk: a fresh array per chunk, grown push by push, was a third of all the memory a
 * Markdown report allocated (its pieces average about 11 characters).
 */
const SLOTS = 1024;

/** Collects text in order; `text()` gives the whole document. */
export class TextWriter {
  private readonly pieces: string[] = Array.from({ length: SLOTS }, () => '');
  private count = 0;
  private length = 0;
  private done = '';

  /** Appends `text`. */
  write(text: string): void {
    this.pieces[this.count++] = text;
    this.length += text.length;
    if (this.count === SLOTS || this.length >= CHUNK) this.flush();
  }

  /** Everything written so far, as one string. */
  text(): string {
    this.flush();
    return this.done;
  }

  private flush(): void {
    if (this.count === 0) return;
    // A chunk of few long pieces (a CSV row is one) joins just those: joining and clearing all the
    // slots each time made CSV export 40% slower. Slots past `count` keep pieces already copied.
    this.done += this.count === SLOTS ? this.pieces.join('') : this.pieces.slice(0, this.count).join('');
    this.count = 0;
    this.length = 0;
  }
}
