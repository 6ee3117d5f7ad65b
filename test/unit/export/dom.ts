/** Parses rendered HTML the way the export tests inspect it. */
import { parseHTML } from 'linkedom';

/** A parsed document for an HTML fragment or a whole document. */
export function parse(html: string): Document {
  const whole = /^\s*<!doctype/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as Document;
}

/** Every element in the body. */
export function elements(doc: Document): Element[] {
  return [...doc.body.querySelectorAll('*')];
}

/** Problems a reader (or a browser) would notice: scripts, handlers, non-web links, images, frames. */
export function dangers(doc: Document, allowMailto = false): string[] {
  const problems: string[] = [];
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (
      [
        'script',
        'img',
        'iframe',
        'object',
        'embed',
        'svg',
        'math',
        'form',
        'input',
        'video',
        'audio',
      ].includes(tag)
    ) {
      problems.push(`<${tag}>`);
    }
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) problems.push(`${tag}[${attr.name}]`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(attr.name)) {
        const ok = allowMailto ? /^(https?:|mailto:)/i : /^https?:/i;
        if (!ok.test(attr.value)) problems.push(`${tag}[${attr.name}=${attr.value}]`);
      }
    }
  }
  return problems;
}
