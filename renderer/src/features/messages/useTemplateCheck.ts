/**
 * NO_DIVERSION on a message template as the merchant types (debounced), with the core's own pure
 * check (checkTemplate) on the rules' current parameters: the verdict, and each span to highlight
 * with its own severity.
 */
import { useMemo } from 'react';
import type { RuleHit, Severity } from '../../../../shared/domain';
import { findDiversionInTemplate } from '../../../../shared/rules/platform/diversion';
import { checkTemplate, diversionOptions } from '../../../../shared/rules/platform/product-terms';
import { useDebounced } from '../../lib/useDebounced';
import { useRules } from '../findings';

export const TEMPLATE_CHECK_DELAY_MS = 150;

export interface TemplateMark { start: number; end: number; severity: Severity }

export interface TemplateCheck {
  /** The template the verdict is about (the debounced text). */
  template: string;
  /** null: nothing found. */
  hit: RuleHit | null;
  marks: TemplateMark[];
}

/** The check of `template` right now, without waiting (before saving). */
export function checkTemplateNow(template: string, params: Parameters<typeof checkTemplate>[1]['params']): TemplateCheck {
  const hit = template.trim() ? checkTemplate(template, { params }) : null;
  const marks = hit ? findDiversionInTemplate(template, diversionOptions({ params })).map((h) => ({ start: h.start, end: h.end, severity: h.severity })) : [];
  return { template, hit, marks };
}

export function useTemplateCheck(template: string): TemplateCheck {
  const { params } = useRules();
  const text = useDebounced(template, TEMPLATE_CHECK_DELAY_MS);
  return useMemo(() => checkTemplateNow(text, params), [text, params]);
}
