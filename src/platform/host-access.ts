import browser from 'webextension-polyfill';
import { originPatternsFor } from '../core/vendor-domain.ts';

/** The origin patterns that cover every domain of a review. */
function originsFor(domains: readonly string[]): string[] {
  return domains.flatMap(originPatternsFor);
}

/**
 * Asks the browser to let us read all of a vendor's sites (trust.vendor.com, docs.vendor.com …)
 * through `optional_host_permissions`. Call it synchronously in a click handler: the browser
 * shows its own prompt and refuses requests made outside a user gesture.
 */
export function requestVendorAccess(domains: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: originsFor(domains) });
}

/** The sites the reviewer has let the extension read (beyond the active tab). */
export async function grantedOrigins(): Promise<string[]> {
  return (await browser.permissions.getAll()).origins ?? [];
}

/** Takes back access to some sites. */
export function revokeOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.remove({ origins });
}
