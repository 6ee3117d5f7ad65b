/** What a kind cue says, for the panel's explanation. */
export type KindCueLabel =
  | 'named mechanism or standard'
  | 'number with a unit'
  | 'setting, command or API'
  | 'report specifics'
  | 'explicit scope or limit'
  | 'superlative'
  | 'hedge'
  | 'badge only'
  | 'reassurance'
  | 'absolute without mechanism';

/** A kind cue: pattern, weight, and what it means. */
export type KindCue = readonly [pattern: string, weight: number, label: KindCueLabel];

/** Cues that point to evidence. */
export const EVIDENCE_CUES: readonly KindCue[] = [
  [
    'tls ?1\\.[0-3]|aes-?(128|256)(-gcm)?|gcm|rsa-?\\d*|ecdsa|ed25519|hmac(-sha\\d+)?|sha-?(1|256|384|512)|bcrypt|argon2|pbkdf2|x\\.509|m?tls|wireguard|ipsec|firecracker',
    2,
    'named mechanism or standard',
  ],
  [
    'spiffe|svids?|oidc|openid connect|saml( 2\\.0)?|scim( 2\\.0)?|oauth ?2(\\.0)?|jwts?|jwks|macaroons?|webauthn|fido2|passkeys?|totp|ldaps?|kerberos',
    2,
    'named mechanism or standard',
  ],
  [
    'kms|hsm|byok|row-level security|rbac|abac|vpc|private link|privatelink|s3|postgres\\w*|redis|kubernetes|okta|entra( id)?|azure ad',
    1.5,
    'named mechanism or standard',
  ],
  [
    'soc ?2 type (ii|2)|type (ii|2) (report|audit|attestation)|iso(/iec)? ?(27001|27017|27018|27701|42001|9001)(:\\d{4})?|pci[- ]dss( v?\\d(\\.\\d)*)?|fedramp (moderate|high|low)|hitrust|csa star|fips 140-[23]',
    1.5,
    'report specifics',
  ],
  [
    'auditor|audit period|bridge letter|certificate (number|no)|accredited|qsa|cpa firm|audited by|issued by|assessed by|valid (until|through)',
    2.5,
    'report specifics',
  ],
  ['(19|20)\\d{2}', 0.7, 'report specifics'],
  [
    '\\d+(\\.\\d+)?\\s?(ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|months?|years?|y|gb|mb|tb|%|percent|bits?)',
    2.5,
    'number with a unit',
  ],
  ['\\d+h\\d*m?|\\d+m\\d+s', 2, 'number with a unit'],
  [
    '--[a-z][\\w-]+|/v\\d+/|(get|post|put|patch|delete) /|[a-z]+_[a-z_]+|[a-z]+\\.[a-z]+\\.[a-z_.]+|`',
    2,
    'setting, command or API',
  ],
  [
    '(settings|admin panel|system console|console|dashboard|organization settings)\\s?(›|>|→|/)|›',
    2,
    'setting, command or API',
  ],
  [
    '(flyctl|kubectl|gcloud|curl|npm|git|mmctl)\\s[a-z-]+|(fly|aws|az|hydra|ory) (tokens|auth|apps|secrets|iam|sts|ad|clients|keys|jwks|create|delete|revoke|list)',
    1.5,
    'setting, command or API',
  ],
  [
    'api|endpoints?|cli|command|webhooks?|settings?|toggle|option|field|header|parameter',
    0.6,
    'setting, command or API',
  ],
  [
    "(is|are|will|can)( not|n't)( be)? (used|retained|stored|shared|sold|logged|accessible|available)|do(es)? not (use|retain|store|share|sell|log|train|have)|only (for|to|on|in|when|if|with|the|available)|enterprise (plan|edition|tier)|(enterprise|team|pro|business) plans?|per[- ](tenant|organization|org|user|customer|request|session|task)|up to \\d+|at most|maximum|no longer than|within \\d+|cannot|exclusively|\\[enterprise( advanced)?\\]|\\[(team|professional|e\\d+)\\]",
    1.5,
    'explicit scope or limit',
  ],
  [
    '(is|are) (solely )?responsible for|your responsibility|our responsibility|(is|are) only|only (provided|applies|covers)|(is|are) not provided|^no [a-z ]{0,40}(is|are) (provided|offered|available)',
    2,
    'explicit scope or limit',
  ],
  // Starts only where a run of address characters starts: tried from every dot of a long run of
  // dots, the address would take time quadratic in the run's length.
  ['(?<![\\w.+-])[\\w.+-]+@[\\w-]+\\.[\\w.]+', 2, 'setting, command or API'],
  [
    'by default|default(s)? to|configur\\w+|enabl\\w+|disabl\\w+|administrators? can|admins? can|you can',
    0.8,
    'explicit scope or limit',
  ],
];

/** Cues that point to marketing. */
export const MARKETING_CUES: readonly KindCue[] = [
  // In documentation "may" mostly grants ("you may set an expiry"): alone it is not a hedge. At
  // 1.5 with the hedges below, it made marketing calls less precise on all three sets measured.
  // Not the month: "as of May 31st, 2024".
  ['may(?!\\s+\\d)|might', 0.75, 'hedge'],
  [
    'industry[- ]leading|best[- ]in[- ]class|world[- ]class|state[- ]of[- ]the[- ]art|cutting[- ]edge|enterprise[- ]grade|bank[- ]grade|military[- ]grade|robust|highest (standards?|level)|top[- ]notch|unparalleled|unmatched|leading|premier|rigorous(ly)?|stringent|utmost|comprehensive|seamless(ly)?|foolproof|bulletproof|best possible|most secure|popular|modern|vital|ultimate',
    2.5,
    'superlative',
  ],
  [
    'where (possible|feasible|applicable)|as (appropriate|needed|necessary|required)|appropriate|reasonable|strive|endeavou?r|aim(s)? to|seek(s)? to|committed to|commitment|dedicated to|designed to|intended to|regularly|periodically|from time to time|generally|typically|continuously|constantly|proactive(ly)?|timely|promptly',
    1.5,
    'hedge',
  ],
  [
    '(we|our \\w+) (take|takes) (your )?(security|privacy) (very )?seriously|peace of mind|trusted by|best practices|industry standards?|prioriti[sz]e|top priority|paramount|at the (core|heart)|front and cent(er|re)|safe and secure|secure and reliable|rest assured|you can trust|protect(s|ing)? your (data|privacy)|keep(s|ing)? your data (safe|secure)|ground up|by design|defense[- ]in[- ]depth|zero[- ]trust (approach|architecture)',
    2,
    'reassurance',
  ],
  [
    'ensur(e|es|ing)|enabl(e|es|ing) (organizations|teams|customers|you) to|helps? (you|us|organizations|teams|customers)?|in mind|assurance|peace|confident|transparen(t|cy)|continual|investment',
    1.5,
    'reassurance',
  ],
  [
    '^(provides?|supports?|enables?|helps?|allows?|offers?|delivers?|consolidates?|reduces?|designed|built|aligned|satisfies|complete|ongoing)',
    1.2,
    'hedge',
  ],
  ['secur(e|ely|ity)|safe(ly|ty)?|protect(s|ed|ing|ion)?|privacy|trust(ed)?', 0.5, 'reassurance'],
  // Words that say how well without saying how: "controls are in place", "handled efficiently".
  ['efficient(ly)?|effective(ly)?|in place|strict(ly)?', 1.5, 'hedge'],
  // A feature promised for later is not a control in place.
  [
    'planned|coming soon|roadmap|upcoming|in (the )?future|will (soon )?(include|support|offer|provide|add)',
    2,
    'hedge',
  ],
  [
    '(fully|100%|completely|totally|entirely|absolutely|perfectly|always) (secure|protected|safe|compliant|private|encrypted|isolated)|100%|total|complete (visibility|control|protection|security)|instant(ly)?|never (be )?(lost|breached|compromised)|zero (data loss|risk)|unbreakable|impenetrable',
    2,
    'absolute without mechanism',
  ],
  ['(completely|entirely|totally|absolutely) \\w+', 1.5, 'absolute without mechanism'],
  // How much, without a measure: "significantly more difficult", "greatly reduces".
  ['significant(ly)?|greatly|dramatically|substantially|vastly|drastically', 1.5, 'superlative'],
  // A document named and nothing more ("Incident Response Plan" in a list of policies): a badge.
  [
    '^(?:[\\p{L}&,/-]+ ){0,5}(?:policy|plan|procedures?|program(?:me)?)\\.?$|^code of conduct\\.?$',
    2,
    'badge only',
  ],
];

/** "SOC 2 compliant", "HIPAA certified": a badge with no report specifics (checked separately). */
export const BADGE_ONLY =
  '(soc ?2|soc2|hipaa|gdpr|iso(/iec)? ?\\d{4,5}|pci(-| )?dss|ccpa)( type (ii|2|i|1))? (compliant|compliance|ready|certified|certification|approved)';
