/** Review templates: which controls a review's checklist covers. */
import { CONTROL_IDS, type ControlId, PROOF_POINTS } from './controls.ts';
import type { TemplateId } from './review.ts';

/** A template: its id, its name for people, and its controls in checklist order. */
export interface Template {
  id: TemplateId;
  name: string;
  controls: readonly ControlId[];
}

/** The templates: the five proof points alone, or all fifteen controls in catalog order. */
export const TEMPLATES: Record<TemplateId, Template> = {
  'ai-readiness': { id: 'ai-readiness', name: 'AI product readiness', controls: PROOF_POINTS },
  full: { id: 'full', name: 'Full vendor review', controls: CONTROL_IDS },
};

/** The controls a template covers, in checklist order. */
export function controlsOf(template: TemplateId): readonly ControlId[] {
  return TEMPLATES[template].controls;
}
