/**
 * Which vendor a page belongs to, by domain: trust.vendor.com and docs.vendor.com are both
 * vendor.com. We avoid shipping the whole Public Suffix List: the common two-label public
 * suffixes below cover the registries reviewers meet; the reviewer can edit the domain anyway.
 */

const TWO_LABEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'ltd.uk',
  'plc.uk',
  'com.au',
  'net.au',
  'org.au',
  'co.nz',
  'org.nz',
  'co.jp',
  'ne.jp',
  'or.jp',
  'co.kr',
  'co.in',
  'net.in',
  'org.in',
  'com.br',
  'com.cn',
  'com.hk',
  'com.sg',
  'com.tw',
  'com.mx',
  'com.ar',
  'com.tr',
  'co.za',
  'co.il',
  'com.pl',
  'com.es',
  'co.id',
  'com.my',
  // Hosting platforms where each subdomain is a different owner.
  'github.io',
  'gitlab.io',
  'vercel.app',
  'netlify.app',
  'pages.dev',
  'herokuapp.com',
  'web.app',
]);

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** True for IPv4/IPv6 literals and single-label hosts (localhost), which have no parent domain. */
function isOpaqueHost(host: string): boolean {
  return IPV4.test(host) || host.includes(':') || host.startsWith('[') || !host.includes('.');
}

/** The vendor's registrable domain for a hostname, e.g. `trust.acme.co.uk` → `acme.co.uk`. */
export function vendorDomainOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (isOpaqueHost(host)) return host;
  const labels = host.split('.');
  const lastTwo = labels.slice(-2).join('.');
  const keep = TWO_LABEL_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** The result of reading a domain the reviewer typed. */
export type DomainInput = { ok: true; domain: string } | { ok: false; error: string };

/** Accepts `vendor.com`, `https://trust.vendor.com/x` or `127.0.0.1`; rejects anything else with a reason. */
export function parseDomainInput(input: string): DomainInput {
  let text = input.trim().toLowerCase();
  if (text === '') return { ok: false, error: 'Enter the vendor’s domain, for example vendor.com.' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return { ok: false, error: `“${input.trim()}” is not a web address.` };
    }
  }
  text = text.replace(/\/.*$/, '').replace(/\.$/, '');
  if (IPV4.test(text) || text === 'localhost') return { ok: true, domain: text };
  const labels = text.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) {
    return { ok: false, error: `“${input.trim()}” is not a domain name like vendor.com.` };
  }
  return { ok: true, domain: text };
}

/** The host-permission match patterns that cover a vendor domain and its subdomains. */
export function originPatternsFor(domain: string): string[] {
  if (isOpaqueHost(domain)) return [`http://${domain}/*`, `https://${domain}/*`];
  return [`https://${domain}/*`, `https://*.${domain}/*`, `http://${domain}/*`, `http://*.${domain}/*`];
}
