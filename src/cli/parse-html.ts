import { parseHTML } from 'linkedom';

/** Parses saved HTML into a DOM the extractor can walk (no scripts run, no network). */
export function parseHtml(html: string): Document {
  const { document } = parseHTML(html);
  return document as unknown as Document;
}
