/** Remembering results of a text function, for values that repeat row after row. */

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

/**
 * `fn`, computed once per distinct argument: for values many rows share in any order, such as
 * the few page URLs of 10,000 claims. Make one per render, so nothing is kept from one export to
 * the next.
 */
export function textMemo(fn: (text: string) => string): (text: string) => string {
  const results = new Map<string, string>();
  return (text) => {
    let result = results.get(text);
    if (result === undefined) {
      result = fn(text);
      results.set(text, result);
    }
    return result;
  };
}
