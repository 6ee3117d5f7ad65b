/**
 * Words and phrases that tie a claim to a control. Each cue is a regular expression (matched
 * case-insensitively on word boundaries) and a weight. Cues are about the *topic*; whether the
 * claim is evidence or marketing is decided separately (`kind-cues.ts`).
 */
import type { ControlId } from '../controls.ts';

/** A topic cue: a pattern and how strongly it points to its control. */
export type Cue = readonly [pattern: string, weight: number];

/** Topic cues per control. Patterns are regex source, compiled once with `giu`. */
export const CONTROL_CUES: Record<ControlId, readonly Cue[]> = {
  'workload-identity': [
    ['spiffe|svids?', 3],
    ['workload identit(y|ies)', 3],
    ['service accounts?', 2],
    ['machine identit(y|ies)|non-human identit(y|ies)|agent identit(y|ies)', 3],
    ['mtls|mutual tls|client certificates?', 2.5],
    ['identity (assertion|token)s?|signed jwts?|attest(ation|or)', 2],
    ['bot users?|bot accounts?|integration users?', 1.5],
    ['impersonat\\w*', 1],
    [
      '(workers?|clients?|services?|machines?|applications?|apps|agents?|workloads?|sdks?) (authenticate[sd]?|authenticating)|bearer tokens?',
      2,
    ],
    ['shared (credential|identity|account|key)s?', 2],
    [
      'client(_| )ids?|client credentials|client authentication|oauth ?2? (client|access token|refresh token|authorize code)s?|token (binding|prefix(es)?)|bind(ing)? (of )?(token|refresh token|authorization|code)s?|redirect_uri|authentication material',
      2.5,
    ],
  ],
  'tenant-isolation': [
    ['tenan(t|ts|cy)|multi-?tenant', 3],
    ['isolat(ed|ion|es)', 2],
    ['segregat\\w+|segmentation|separat(e|ion) (of )?(customer|tenant)', 2],
    [
      'row-level security|namespaces?|sandbox(ed|es)?|firecracker|micro-?vms?|virtual machines?|containers?',
      1.5,
    ],
    [
      'other customers|another customer|each customer|per-customer|dedicated (instance|infrastructure|cluster|database)',
      2,
    ],
    ['single-tenant|private (cloud|instance)', 1.5],
    ['ingress|egress|outbound|inbound|firewalls?|network (isolation|segmentation|polic(y|ies))', 1.5],
    [
      'private ?link|private service connect|private (network|networking|connectivity|endpoints?)|public internet|vpc peering',
      2,
    ],
    [
      'other (applications|apps|organizations|teams)|share (that|the) network|virtualization boundar(y|ies)|demarcation',
      2,
    ],
  ],
  'jit-access': [
    ['least privilege|least-privilege|just-in-time|jit', 3],
    ['scop(e|es|ed|ing)|fine-grained|granular', 2],
    ['permissions?|privileges?|roles?|rbac|abac|authoriz\\w+|access control', 1.5],
    ['tokens?|api keys?|secrets?|credentials?|personal access', 0.75],
    [
      'expir(y|es|ation|e)|lifetime|valid for|short-lived|time-limited|time-bound|ttl|limited (period|time|duration)|granted for',
      2,
    ],
    ['approv(al|e|ed)|read-only|write access|admin(istrator)? (access|approval)|access polic(y|ies)', 1],
    ['polic(y|ies)', 0.5],
    ['(standing|privileged) access|access (is|are) (granted|restricted|limited)', 2],
    // Role requirements: "Namespace Admin", "Developer (or higher)".
    ['\\(?or higher\\)?|requires? [\\w ]{0,30}(admin|owner|role|permission)s?', 2],
    [
      'guests?|channel admins?|team admins?|restrict(s|ed|ion|ions)?|(can|cannot|can.t) (access|discover|post|share|reach)|ip (filtering|allow ?list)|trusted network|membership|clearance|device (type|compliance)|jailbr\\w+|rooted',
      1.5,
    ],
  ],
  revocation: [
    ['revok\\w*|revocation', 3.5],
    ['disabl(e|ed|es|ing) (the |an? |their )?(account|user|token|key|access|integration|agent)s?', 2.5],
    ['deactivat\\w+|deprovision\\w*|suspend\\w*|offboard\\w*|kill switch', 2.5],
    ['invalidat\\w+|revalidat\\w+', 2.5],
    ['rotat(e|ed|ion) (the )?(compromised )?(key|token|secret)s?', 1.5],
    ['(remains?|stays?) (active|valid)|active sessions?|still (active|valid)', 2],
    ['log(ged)? out|terminat(e|es|ed) (all )?sessions?|session revocation|sign(ed)? out', 2],
    ['remov(e|ed|ing) (a |the )?(user|member|access|token)s?', 1.5],
  ],
  auditability: [
    ['audit (logs?|trails?|events?|records?|history|entries)|auditab\\w+|auditing', 3],
    ['audit(s|ed)?', 1.5],
    ['logs?|logging|logged|log entr(y|ies)|event(s| stream| history)', 2],
    ['siem|splunk|datadog|elastic|sumo|syslog|stream(ed|ing)?|export(ed|able|s)?', 1],
    ['actor|who (did|performed)|ip address|timestamps?|traceab\\w+|accountab\\w+', 1.5],
    ['monitor(ing|ed)?|alert(s|ing)?|detect(ion|ed)?', 0.8],
    [
      'ediscovery|legal hold|events?:|message history|smarsh|actiance|global relay|compliance export|channel export|export(s|ed)? (to|conversations|channel|messages?)',
      2.5,
    ],
  ],
  'sso-provisioning': [
    ['sso|single sign-?on', 3],
    ['saml|oidc|openid connect|oauth', 2],
    [
      'scim|provision\\w*|directory sync|ldap|active directory|entra|okta|azure ad|jumpcloud|identity provider|idp',
      2.5,
    ],
    ['mfa|multi-factor|two-factor|2fa|webauthn|fido2?|passkeys?|authenticator', 2.5],
    ['sessions? (length|lifetime|timeout|duration|expir\\w+)|session timeout|idle timeout', 2],
    ['(login|user|browser|web) sessions?|session (cookies?|management|tokens?)|log ?out|logout|sign ?out', 2],
    ['cookies?', 1],
    ['passwords?|log ?in|sign-?in|authentication|user accounts?|members?|guest accounts?', 1],
  ],
  encryption: [
    ['encrypt\\w*|decrypt\\w*|cipher\\w*|cryptograph\\w*', 3],
    ['(?<!mutual )tls( ?1\\.[0-3])?|ssl|https|in transit|at rest|wireguard|ipsec', 2],
    [
      'aes(-?256)?|gcm|rsa|ecdsa|ed25519|hmac|sha-?\\d+|bcrypt|scrypt|pbkdf2|argon2\\w*|md5\\w*|salt(ed)?|digests?|hash(ed|es|ing)?',
      2,
    ],
    ['kms|hsm|byok|customer-managed keys?|key management|keys? rotat\\w+|rotat\\w+ keys?', 2.5],
    [
      '(data|root|master|encryption|wrapping|signing|private|public) keys?|key hierarch\\w+|envelope|keks?|deks?',
      2,
    ],
    ['cleartext|plaintext|signatures?|private container|sandboxed storage', 1.5],
    // A certificate is cryptography, not a compliance certification.
    [
      '(tls|ssl|x\\.509|server|signing|root|intermediate) certificates?|certificates? authorit(y|ies)|cas?',
      2,
    ],
  ],
  'data-retention': [
    ['retain(?!s? (full |complete |total )?(control|ownership))\\w*|retention', 3],
    ['delet(e|ed|es|ion|ing)|eras(e|ed|ure)|purg(e|ed)|destroy\\w*|wip(e|ed)', 2],
    ['zero data retention|zdr|no(t)? (be )?stored|not persist\\w*|store[sd]? for|kept for|stored for', 3],
    ['backups?|archiv\\w+|data lifecycle', 1],
    // What a vendor keeps of the customer's data at all.
    ['stor(e|es|ed|ing)|collect(s|ed|ion)?|telemetry|personal data|usage data|metadata|upload(s|ed)?', 1.5],
    ['\\d+ days?', 0.8],
    [
      'purge|can.t be recovered|cannot be recovered|removed|burn-on-read|ephemeral|visibility time limits?|expiration',
      1.5,
    ],
  ],
  'model-training': [
    ['train(ed|ing|s)?|fine-?tun\\w+', 3],
    [
      '(ai|ml|language|foundation|llm|generative|your|our|third-party|sentry|mistral) models?|models? (training|outputs?)|machine learning|\\bml\\b|generative',
      1.2,
    ],
    // A bare "AI" names the product more often than its training.
    ['ai|llms?', 0.6],
    ['opt(-| )?(in|out)', 2.5],
    ['improve (our|the) (models?|services?|products?)', 2],
  ],
  'data-residency': [
    ['regions?|residency|data locality|locat(ed|ion)s?|hosted in', 2.5],
    ['stored in (the )?(eu|us|uk|europe\\w*|united states|regions?|data cent\\w+|countr\\w+)', 2.5],
    [
      '\\beu\\b|europe(an)?|united states|\\bus\\b|\\busa\\b|germany|frankfurt|ireland|france|canada|australia|japan|uk|singapore|india',
      1.5,
    ],
    [
      'data cent(er|re)s?|aws|gcp|azure|google cloud|sovereign\\w*|cross-border|transfer(s|red)? (of data|outside)',
      1,
    ],
    [
      'self-host(ed|ing)?|client-side|(remains?|stays?) (within|in) your|never leaves?|your (own )?(environment|infrastructure|network|cloud account)|on-prem(ise|ises)?|air-?gapped|sovereign\\w*|disconnected environments|no internet dependency|govcloud|government cloud|network placement',
      2.5,
    ],
  ],
  subprocessors: [
    ['sub-?processors?', 4],
    ['third[- ]part(y|ies)|vendors|suppliers?|service providers?|supply chain|dependenc(y|ies)', 2],
    ['vendor', 0.5],
    ['processors?|partners?', 1],
    [
      'run(s)? on (aws|gcp|azure|google cloud)|hosted (on|by)|managed by|apple and google|notification (infrastructure|service)|push notifications?',
      2,
    ],
  ],
  certifications: [
    ['soc ?[12]|soc2|type (i|ii|1|2)\\b', 3],
    ['iso(/iec)? ?\\d{4,5}|iso certif\\w*', 3],
    [
      '(external|independent|third[- ]party|annual|regular|compliance|soc ?2|iso) audits?|audit(ed|s)? (reports?|period|by|firm)|auditors?|certif(y|ied|ies|ications?)|attest\\w*|accredit\\w*|compliance|compliant|conform\\w*',
      2,
    ],
    ['hipaa|baa|gdpr|dpa|ccpa|pci(-| )?dss|fedramp|csa star|hitrust|nist|fips|cmmc|dora|nis2|tisax|c5', 2.5],
    ['regulat\\w+|framework|standard', 0.8],
    [
      'dpas?|data processing (agreement|addendum)|terms of service|privacy polic(y|ies)|legal center|trust center',
      2,
    ],
  ],
  'vuln-management': [
    ['vulnerabilit(y|ies)|cves?|cvss', 3],
    ['pen(etration)?[ -]test\\w*|pentest\\w*|red team', 3],
    [
      'bug bount(y|ies)|hackerone|bugcrowd|responsible disclosure|security\\.txt|report (a|security) (issue|vulnerabilit\\w+)',
      3,
    ],
    [
      'patch\\w*|remediat\\w+|scan(s|ning|ned)?|dependabot|snyk|sast|dast|static analysis|code reviews?|(secure )?software development( process(es)?)?|testing firms?',
      2,
    ],
    ['critical|high|medium|low', 0.5],
    [
      'security testing|(third-party|internal|external|independent) (security )?testing|xss|csrf|sql injection|content-security-policy|security headers|owasp',
      2.5,
    ],
    ['security (update|fix|release|advisor\\w+)s?|sla', 1],
    [
      'hardened|stig|memory-safe|secure (defaults?|server|client|development)|attack surface|responsib(le|ility) for (the )?security|bount(y|ies)|swag|findings?|security@[\\w.-]+|security (questions|inquiries|concerns|contact)|footguns?|authorized conduct|this policy',
      2.5,
    ],
  ],
  'incident-response': [
    ['incidents?|breach(es)?', 3],
    ['notif(y|ied|ication)s?', 1.5],
    [
      'business continuity|disaster recovery|rto|rpo|backups?|high availability|failover|redundan\\w+|uptime|status page|outage',
      2,
    ],
    ['on-?call|24/7|escalat\\w+|post-?mortem|forensic\\w*', 1.5],
    [
      'resilien\\w+|ddos|spillage|playbooks?|recover(y|ed)|pitr|point-in-time|continuity|offline (operation|installation)|connectivity|security team is notified|anomal\\w+',
      2,
    ],
  ],
  'ai-guardrails': [
    ['prompt injection|jailbreak\\w*|guardrails?|excessive agency|tool (use|permissions?|calls?)', 3],
    // An agent's actions held for a person: "Action is paused, and user confirmation is requested".
    [
      '(user|human|explicit) (approval|confirmation)|confirmation mode|approval-based|actions? (is |are )?(paused|blocked)|risk (levels?|analy\\w+)|security analy[sz]ers?|safeguards?',
      2.5,
    ],
    [
      'hallucinat\\w+|model outputs?|outputs? (are|is) (filtered|moderated|validated)|content (filter|moderation)|moderation',
      2.5,
    ],
    [
      'human (in the loop|approval|review|oversight)|responsible ai|ai (safety|policy|governance|features?)',
      2,
    ],
    ['llms?|generative ai|agents?|agentic', 1],
    [
      'ai (agents?|integrations?|features?)|approval (is )?required before|tool integrations?|agent control plane|ai-assisted',
      2.5,
    ],
  ],
};
