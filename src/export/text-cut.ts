/** Cutting text to a number of code points, for fields with a length limit (Jira's summary and description). */

/** Cuts text to `max` code points, ending with an ellipsis or `marker` when cut (`max` > the marker's length). */
export function cutText(text: string, max: number, marker = '…'): string {
  // Never more code points than UTF-16 units: most text fits without counting. Otherwise count
  // code points as the string iterator does (a lone surrogate is one), without an array of them.
  if (text.length <= max) return text;
  const keep = max - [...marker].length;
  let end = 0;
  for (let i = 0, points = 0; i < text.length; points++) {
    if (points === keep) end = i;
    if (points === max) return text.slice(0, end) + marker;
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    i += pair ? 2 : 1;
  }
  return text;
}
