import { useState } from 'preact/hooks';
import type { PageInfo, Review, TemplateId } from '../core/review.ts';
import { parseDomainInput, vendorDomainOf } from '../core/vendor-domain.ts';
import { guessVendorName } from '../core/vendor-name.ts';
import { database } from '../store/db.ts';
import { createReview, recordSource } from '../store/reviews.ts';
import { describeStorageError } from '../store/storage-error.ts';
import { ErrorLine } from '../ui/ErrorLine.tsx';

/** The form that starts a review for the vendor of the current page, domain and name pre-filled. */
export function StartReview({ page, onCreated }: { page: PageInfo; onCreated: (review: Review) => void }) {
  const host = new URL(page.url).hostname;
  const [domain, setDomain] = useState(() => vendorDomainOf(host));
  const [vendor, setVendor] = useState(() => guessVendorName(page.title, vendorDomainOf(host)));
  const [product, setProduct] = useState('');
  const [template, setTemplate] = useState<TemplateId>('ai-readiness');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const parsed = parseDomainInput(domain);
    if (!parsed.ok) return setError(parsed.error);
    if (vendor.trim() === '') return setError('Enter the vendor’s name.');
    setSaving(true);
    setError(null);
    try {
      const db = database();
      const review = await createReview(db, { vendor, product, domains: [parsed.domain], template });
      await recordSource(db, review.id, page);
      onCreated(review);
    } catch (e) {
      // The form keeps what was typed: nothing is lost when a write fails.
      setError(describeStorageError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="start-review-heading">
      <h2 id="start-review-heading">Start a review</h2>
      <form class="stack" onSubmit={submit} noValidate>
        <label>
          Vendor
          <input name="vendor" value={vendor} onInput={(e) => setVendor(e.currentTarget.value)} required />
        </label>
        <label>
          Domain (its subdomains belong to the review too)
          <input name="domain" value={domain} onInput={(e) => setDomain(e.currentTarget.value)} required />
        </label>
        <label>
          Product (optional)
          <input name="product" value={product} onInput={(e) => setProduct(e.currentTarget.value)} />
        </label>
        <label>
          Checklist
          <select
            name="template"
            value={template}
            onChange={(e) => setTemplate(e.currentTarget.value as TemplateId)}
          >
            <option value="ai-readiness">AI product readiness (the five proof points)</option>
            <option value="full">Full vendor review (all fifteen controls)</option>
          </select>
        </label>
        <ErrorLine message={error} />
        <div class="row">
          <button class="primary" type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Start review'}
          </button>
        </div>
      </form>
    </section>
  );
}
