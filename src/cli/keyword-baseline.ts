/**
 * The plain keyword baseline `npm run eval` prints beside our classifier: the first control whose
 * keyword appears, and "marketing" when any of a few marketing words appears. It shows what the
 * cues, context and neighbours add.
 */
import type { ControlId } from '../core/controls.ts';

const KEYWORDS: Array<[ControlId, RegExp]> = [
  ['workload-identity', /workload identity|service account|spiffe/i],
  ['tenant-isolation', /tenant|isolat/i],
  ['jit-access', /least privilege|permission|scope|token/i],
  ['revocation', /revok|revocation/i],
  ['auditability', /audit|log/i],
  ['sso-provisioning', /sso|saml|scim|single sign/i],
  ['encryption', /encrypt|tls|aes/i],
  ['data-retention', /retention|retain|delet/i],
  ['model-training', /train/i],
  ['data-residency', /region|residency|location/i],
  ['subprocessors', /subprocessor|third.party/i],
  ['certifications', /soc ?2|iso|certif|hipaa|gdpr/i],
  ['vuln-management', /vulnerab|penetration|bug bounty|patch/i],
  ['incident-response', /incident|breach/i],
  ['ai-guardrails', /prompt injection|guardrail|model output/i],
];

const MARKETING =
  /industry.leading|best.in.class|world.class|robust|secure|committed|best practices|seriously/i;

/** The baseline's controls (in keyword order) and kind for a text. */
export function keywordBaseline(text: string): { controls: ControlId[]; kind: 'evidence' | 'marketing' } {
  const controls = KEYWORDS.filter(([, re]) => re.test(text)).map(([id]) => id);
  return { controls, kind: MARKETING.test(text) ? 'marketing' : 'evidence' };
}
