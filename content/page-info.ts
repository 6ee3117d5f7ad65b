import type { PageInfo } from '../src/core/review.ts';

/** The page's title, URL and the amount of text a reader sees. */
export function readPageInfo(doc: Document = document): PageInfo {
  // innerText is what a person sees (no script/style text, hidden parts left out).
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point here.
  const text = doc.body?.innerText ?? '';
  return {
    title: doc.title.trim().slice(0, 4096),
    url: doc.location?.href ?? '',
    textLength: text.length,
  };
}
