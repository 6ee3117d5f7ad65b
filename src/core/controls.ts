/**
 * The control catalog: the fifteen controls a vendor review covers, their stable ids (exports
 * and backups carry them), and the framework identifiers each maps to — only identifiers listed
 * in DOMAIN.md, which were checked against the published frameworks, exactly, with their year.
 */

/** The fifteen stable control ids. */
export const CONTROL_IDS = [
  'workload-identity',
  'tenant-isolation',
  'jit-access',
  'revocation',
  'auditability',
  'sso-provisioning',
  'encryption',
  'data-retention',
  'model-training',
  'data-residency',
  'subprocessors',
  'certifications',
  'vuln-management',
  'incident-response',
  'ai-guardrails',
] as const;

/** One of the fifteen control ids. */
export type ControlId = (typeof CONTROL_IDS)[number];

/** The five proof points that decide readiness. */
export const PROOF_POINTS: readonly ControlId[] = [
  'workload-identity',
  'tenant-isolation',
  'jit-access',
  'revocation',
  'auditability',
];

/** A control: its name, what counts as evidence, and its framework mappings. */
export interface Control {
  id: ControlId;
  name: string;
  evidence: string;
  frameworks: string[];
}

/** The catalog, in checklist order. */
export const CONTROLS: Record<ControlId, Control> = {
  'workload-identity': {
    id: 'workload-identity',
    name: 'Workload identity',
    evidence:
      'Cryptographic proof of the agent or service instance; short-lived identity assertions (SPIFFE/SVID, mTLS, OIDC workload tokens, signed short-expiry JWTs).',
    frameworks: [
      'OWASP NHI 2025 NHI4',
      'OWASP NHI 2025 NHI9',
      'NIST CSF 2.0 PR.AA-01',
      'NIST CSF 2.0 PR.AA-02',
      'NIST CSF 2.0 PR.AA-04',
      'CSA CCM v4 IAM-13',
      'OWASP Agentic 2026 ASI03',
    ],
  },
  'tenant-isolation': {
    id: 'tenant-isolation',
    name: 'Tenant isolation',
    evidence:
      'Documented controls proving one customer cannot query, retrieve or influence another’s data or tools (per-tenant keys, databases, namespaces, row-level security, separate model contexts and caches).',
    frameworks: ['OWASP NHI 2025 NHI8', 'CSA CCM v4 IVS-06', 'SOC 2 TSC CC6.1', 'NIST CSF 2.0 PR.AA-05'],
  },
  'jit-access': {
    id: 'jit-access',
    name: 'Just-in-time access and least privilege',
    evidence:
      'Permissions and secrets issued per task or session, not standing access; scoped tokens; approval flows; expiry.',
    frameworks: [
      'OWASP NHI 2025 NHI5',
      'OWASP NHI 2025 NHI7',
      'NIST CSF 2.0 PR.AA-05',
      'CSA CCM v4 IAM-05',
      'CSA CCM v4 IAM-10',
      'CSA CCM v4 IAM-16',
      'SOC 2 TSC CC6.3',
    ],
  },
  revocation: {
    id: 'revocation',
    name: 'Revocation',
    evidence:
      'An operationally tested, self-service way to disable access immediately when a product, tenant or integration is compromised.',
    frameworks: [
      'OWASP NHI 2025 NHI1',
      'OWASP NHI 2025 NHI7',
      'CSA CCM v4 IAM-07',
      'SOC 2 TSC CC6.2',
      'NIST AI RMF 1.0 MANAGE 2.4',
    ],
  },
  auditability: {
    id: 'auditability',
    name: 'Auditability',
    evidence:
      'Logs that connect identity, request, action and data access (actor, action, target, time, source), exportable or streamable for incident response.',
    frameworks: [
      'OWASP NHI 2025 NHI10',
      'NIST CSF 2.0 PR.PS-04',
      'NIST CSF 2.0 DE.CM-03',
      'NIST CSF 2.0 DE.CM-06',
      'CSA CCM v4 LOG-04',
      'CSA CCM v4 LOG-08',
      'SOC 2 TSC CC7.2',
    ],
  },
  'sso-provisioning': {
    id: 'sso-provisioning',
    name: 'SSO and provisioning',
    evidence: 'SAML/OIDC single sign-on, SCIM provisioning and deprovisioning, MFA, session lifetime.',
    frameworks: ['NIST CSF 2.0 PR.AA-03', 'CSA CCM v4 IAM-14', 'SOC 2 TSC CC6.1', 'SOC 2 TSC CC6.2'],
  },
  encryption: {
    id: 'encryption',
    name: 'Encryption and key management',
    evidence:
      'Encryption in transit and at rest with named algorithms, BYOK/KMS/HSM, key rotation intervals.',
    frameworks: ['SOC 2 TSC CC6.1', 'SOC 2 TSC CC6.7', 'OWASP NHI 2025 NHI2'],
  },
  'data-retention': {
    id: 'data-retention',
    name: 'Data retention and deletion',
    evidence: 'Retention periods in days, zero data retention, deletion on request with a time limit.',
    frameworks: [],
  },
  'model-training': {
    id: 'model-training',
    name: 'Use of customer data for model training',
    evidence: 'Whether customer data trains models, per product and plan; opt-in/opt-out settings.',
    frameworks: ['NIST AI RMF 1.0 GOVERN 6.1', 'NIST AI RMF 1.0 MAP 4.1'],
  },
  'data-residency': {
    id: 'data-residency',
    name: 'Data residency and hosting regions',
    evidence: 'Named hosting regions, where data is stored and processed, region choice per customer.',
    frameworks: ['NIST CSF 2.0 GV.SC-05'],
  },
  subprocessors: {
    id: 'subprocessors',
    name: 'Subprocessors and supply chain',
    evidence: 'A dated subprocessor list with purpose and location; notice of changes; supplier assessments.',
    frameworks: [
      'NIST CSF 2.0 GV.SC-05',
      'NIST CSF 2.0 GV.SC-06',
      'NIST CSF 2.0 GV.SC-07',
      'NIST CSF 2.0 ID.RA-10',
      'SOC 2 TSC CC9.2',
      'NIST AI RMF 1.0 GOVERN 6.2',
      'NIST AI RMF 1.0 MANAGE 3.1',
      'OWASP NHI 2025 NHI3',
    ],
  },
  certifications: {
    id: 'certifications',
    name: 'Certifications and audits',
    evidence:
      'SOC 2 Type II with period and auditor, ISO/IEC 27001 and 42001 certificates, PCI DSS, HIPAA/BAA, GDPR/DPA — reports, not badges.',
    frameworks: ['SOC 2 TSC CC9.2', 'NIST CSF 2.0 GV.SC-07'],
  },
  'vuln-management': {
    id: 'vuln-management',
    name: 'Vulnerability management',
    evidence: 'Penetration tests with dates, patch SLAs by severity, disclosure policy and bug bounty.',
    frameworks: ['NIST AI RMF 1.0 MEASURE 2.7', 'OWASP NHI 2025 NHI6'],
  },
  'incident-response': {
    id: 'incident-response',
    name: 'Incident response and continuity',
    evidence:
      'Breach notification within stated hours, incident response plan and tests, RTO/RPO, status page.',
    frameworks: ['NIST CSF 2.0 DE.CM-09', 'SOC 2 TSC CC7.2', 'NIST AI RMF 1.0 MANAGE 4.1'],
  },
  'ai-guardrails': {
    id: 'ai-guardrails',
    name: 'AI behaviour and tool use',
    evidence:
      'Prompt-injection defences, limits on agency and tool permissions, output handling, human approval for actions.',
    frameworks: [
      'OWASP LLM Top 10 2025 LLM01',
      'OWASP LLM Top 10 2025 LLM06',
      'OWASP Agentic 2026 ASI03',
      'NIST AI RMF 1.0 MEASURE 2.7',
    ],
  },
};
