/**
 * A generated documentation page of a given size for the benchmark: sections with headings,
 * paragraphs of evidence and marketing sentences, lists, tables and code blocks — the shapes of
 * a long vendor docs page, repeated until the page reaches the size asked for.
 */

const EVIDENCE = [
  'Access tokens expire after 60 minutes and can be revoked from Settings › API tokens.',
  'Audit log entries record the actor, action, target, source IP and timestamp for every request.',
  'Customer data is encrypted at rest with AES-256-GCM using keys held in a hardware security module.',
  'SCIM 2.0 provisioning removes a deprovisioned user within 5 minutes of the change in your identity provider.',
  'Prompts and completions are deleted after 30 days unless zero data retention is enabled for the organization.',
  'Each workspace runs in its own Firecracker microVM with a dedicated network namespace.',
];
const MARKETING = [
  'We take security seriously and follow industry best practices.',
  'Our platform is designed to be robust, secure and enterprise-grade.',
  'We regularly review our controls to keep your data safe.',
];

/** Returns an HTML page of about `bytes` bytes. */
export function generateDocsPage(bytes: number): string {
  const parts: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated docs</title></head><body>',
    '<header><nav><a href="/">Home</a> <a href="/docs">Docs</a> <a href="/security">Security</a></nav></header><main><h1>Platform documentation</h1>',
  ];
  let size = parts.join('').length;
  for (let section = 0; size < bytes; section++) {
    const s = (i: number) =>
      i % 4 === 3 ? MARKETING[(section + i) % MARKETING.length] : EVIDENCE[(section + i) % EVIDENCE.length];
    const chunk = [
      `<section><h2>Section ${section}: access and data</h2>`,
      `<p>${s(0)} ${s(1)} Section ${section} applies to workspaces created after release ${section}.</p>`,
      `<h3>Details for part ${section}</h3>`,
      `<ul><li>${s(2)}</li><li>${s(3)}</li><li>Limit ${section}: up to ${section % 100} requests per second.</li></ul>`,
      `<table><thead><tr><th>Credential</th><th>Lifetime</th><th>Revocation</th></tr></thead><tbody>`,
      `<tr><td>Token ${section}</td><td>${section % 90} days</td><td>Settings › Tokens</td></tr>`,
      `<tr><td>Key ${section}</td><td>1 hour</td><td>CLI: tool keys revoke ${section}</td></tr></tbody></table>`,
      `<pre><code>tool tokens create --scope read --expiry ${section % 48}h</code></pre>`,
      `<div class="callout callout-note"><p>${s(4)} Note ${section}.</p></div></section>`,
    ].join('');
    parts.push(chunk);
    size += chunk.length;
  }
  parts.push('</main><footer>© Generated vendor</footer></body></html>');
  return parts.join('');
}
