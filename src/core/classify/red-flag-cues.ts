/**
 * Red flags (DOMAIN.md): patterns in a claim's text that show one. A red flag is raised by the
 * reviewer; these only suggest it, with the words that triggered it.
 */

/** The red flags a reviewer can raise. */
export const RED_FLAG_IDS = [
  'shared-identity',
  'long-lived-keys',
  'opaque-tokens',
  'unbound-background-jobs',
  'data-outlives-session',
  'logs-without-actor',
  'manual-revocation',
  'custom-engineering',
  'shared-tenancy-unproven',
] as const;

/** One red flag id. */
export type RedFlagId = (typeof RED_FLAG_IDS)[number];

/** How each red flag reads, for people. */
export const RED_FLAG_NAMES: Record<RedFlagId, string> = {
  'shared-identity': 'Shared service account or identity shared across tenants',
  'long-lived-keys': 'Long-lived API keys (no expiry, or years)',
  'opaque-tokens': 'Opaque token handling',
  'unbound-background-jobs': 'Background jobs not tied to a revocable identity',
  'data-outlives-session': 'Caching or data that outlives the session',
  'logs-without-actor': 'Logs without actor context',
  'manual-revocation': 'Revocation depends on manual vendor intervention',
  'custom-engineering': 'Controls need custom engineering per customer',
  'shared-tenancy-unproven': 'Shared tenancy without demonstrated isolation',
};

/** Patterns per red flag (regex source, compiled with `giu`). */
export const RED_FLAG_CUES: Record<RedFlagId, readonly string[]> = {
  'shared-identity': [
    'shared (service )?(account|identity|credential|key|api key)s?',
    '(shared|used) (by|across) (every|all|multiple) (agents?|tenants?|customers?|workspaces?)',
    'single (service )?account (for|across)',
  ],
  'long-lived-keys': [
    'never expire|no expir(y|ation)|do(es)? not expire|without (an )?expir(y|ation)',
    'valid (for|up to) \\d+ years?|\\d+ years? (by default|validity)|until revoked',
    'long[- ]lived (api )?(keys?|tokens?|credentials?)|static (api )?keys?',
  ],
  'opaque-tokens': [
    'handled automatically|managed (automatically|internally) by (us|our)|not visible to (you|customers)',
  ],
  'unbound-background-jobs': [
    'background (jobs?|sync|tasks?|workers?|processes) (run|use|carry|are not|do not)',
    '(jobs?|sync) (run|runs) (as|under) (a |the )?(shared|system|service)',
    'do(es)? not record which (user|administrator|tenant)',
  ],
  'data-outlives-session': [
    'cach(e|ed|es) (results?|data|prompts?|responses?)',
    '(may be|are|is) (kept|retained|stored) (after|beyond|longer)',
    'persist(s|ed)? (after|beyond) the session',
  ],
  'logs-without-actor': [
    'do(es)? not (record|include|log|capture) (which|the) (user|actor|agent|administrator|identity)',
    "logs? (do not|does not|don't) (show|identify|include) (who|which)",
    'actor (is|are) (not recorded|unknown|system)',
  ],
  'manual-revocation': [
    'contact (our )?(support|customer success|account manager|team)',
    'open a (support )?ticket|email (us|support)|file a request',
    'within \\d+ business days',
  ],
  'custom-engineering': [
    'custom (engineering|development|integration) (is )?(required|needed)|professional services|database scripts?|directly from the database',
  ],
  'shared-tenancy-unproven': [
    'shared (infrastructure|cluster|inference|environment|database)',
    '(isolated|separated) using (industry )?best practices',
    "we('ll)? ensure that (the )?only",
  ],
};
