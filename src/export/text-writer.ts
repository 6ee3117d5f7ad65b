/**
 * A long document written piece by piece, in chunks. Why not one `+=` string or an array of lines
 * joined at the end: both keep every small piece of a multi-megabyte report alive until the very
 * end, so each young-generation garbage collection copies all of them again (in a profile of the
 * 10,000-claim Markdown export, collection took more time than rendering). Here the pieces are
 * joined into one flat string every CHUNK characters (or SLOTS pieces) and die young; the chunks
 * are joined again every LARGE characters, and those large chunks are concatenated, which V8 does
 * without copying (a rope of flat chunks, the same shape as the string `JSON.stringify` returns),
 * and flattened once by whoever reads the characters.
 */

/** Characters per chunk, at most: the size of V8's own parts when `JSON.stringify` builds a long string. */
const CHUNK = 1 << 14;

/**
 * Characters per large chunk, at least. A string this long is allocated in V8's large-object
 * space, which young-generation collections promote without copying. Kept as 16K chunks, a
 * 7 MB report's text survived and was copied by every collection during the export: with
 * `--trace-gc`, one Markdown export of 10,000 claims spent 40–80 ms in scavenges, and about
 * 15 ms once the chunks were joined into large ones. Part of that moves to marking the old
 * generation, which the large chunks fill sooner: the whole export got 5–10% faster, not 25%.
 */
const LARGE = 1 << 18;

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
  /** Chunks not yet joined into a large one, and their length. */
  private chunks: string[] = [];
  private chunksLength = 0;
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
    this.flushChunks();
    return this.done;
  }

  private flush(): void {
    if (this.count === 0) return;
    // A chunk of few long pieces (a CSV row is one) joins just those: joining and clearing all the
    // slots each time made CSV export 40% slower. Slots past `count` keep pieces already copied.
    const chunk = this.count === SLOTS ? this.pieces.join('') : this.pieces.slice(0, this.count).join('');
    this.count = 0;
    this.length = 0;
    this.chunks.push(chunk);
    this.chunksLength += chunk.length;
    if (this.chunksLength >= LARGE) this.flushChunks();
  }

  private flushChunks(): void {
    if (this.chunks.length === 0) return;
    this.done += this.chunks.length === 1 ? (this.chunks[0] as string) : this.chunks.join('');
    this.chunks = [];
    this.chunksLength = 0;
  }
}
