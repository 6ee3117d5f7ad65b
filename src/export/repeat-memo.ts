/** Remembering the last result of a text function, for columns that repeat row after row. */

/**
 * `fn`, recomputed only when its argument differs from the previous call's. The audit trail's
 * actor and action are the same on most consecutive rows: this skips escaping them again. Make
 * one per render, so nothing is kept from one export to the next.
 */
export function repeatMemo(fn: (text: string) => string): (text: string) => string {
  let last: string | undefined;
  let result = '';
  return (text) => {
    if (text !== last) {
      result = fn(text);
      last = text;
    }
    return result;
  };
}
