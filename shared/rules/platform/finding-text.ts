import type { RuleHit } from '../../domain/rules';
import { fillParams } from '../../errors';
import { RULES } from './catalogue';

/** The key of a hit's sentence among its rule's messages: its `reason`, else `default`. */
export function messageKey(hit: Pick<RuleHit, 'rule' | 'params'>): string {
  const reason = hit.params.reason;
  const messages = RULES[hit.rule].messages;
  return typeof reason === 'string' && reason in messages ? reason : 'default';
}

/** A finding in Chinese (the core's words; the UI says it through `rules.<ID>.message.<key>`). */
export function findingText(hit: Pick<RuleHit, 'rule' | 'params'>): string {
  return fillParams(RULES[hit.rule].messages[messageKey(hit)] ?? '', hit.params);
}
