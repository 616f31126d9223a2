/** Platform-rule checks: the rules and their parameters, the findings, and overrides. */
import { z } from 'zod';
import type { FindingsPage, RuleInfo, RuleOverride, RulesSummary } from '../domain/rules';
import { RULE_IDS } from '../domain/rules';
import { orderNo, shopId, skuKey, type FeatureContract } from './define';

const ruleId = z.enum(RULE_IDS);
const paramValue = z.union([z.number().int().min(0).max(100_000), z.boolean(), z.array(z.string().trim().min(1).max(40)).max(200)]);

export const rulesSchemas = {
  /** Every rule with its current parameters. */
  'rules.list': z.void().or(z.object({}).strict()).optional(),
  /** Change some of a rule's parameters, or put them back to the seed's values (`reset`). Re-checks every shop. */
  'rules.setParams': z.object({
    rule: ruleId.optional(),
    params: z.record(z.string().max(40), paramValue).optional(),
    /** With `rule`: that rule's defaults; without: every rule's (恢复默认). */
    reset: z.boolean().optional(),
  }).strict(),
  /** Check the whole shop now (time-bound rules move on by themselves) and say what was found. */
  'rules.check': z.object({ shopId }).strict(),
  'rules.summary': z.object({ shopId }).strict(),
  /** Findings one by one, most severe first; `active`: without the ones lifted by an override. */
  'rules.findings': z.object({
    shopId,
    rule: ruleId.optional(),
    severity: z.enum(['block', 'warn']).optional(),
    subject: z.enum(['order', 'product']).optional(),
    active: z.boolean().optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
  }).strict(),
  /** Lift one block of one order (`orderNo`) or one product (`skuKey`), with a written reason. */
  'rules.override': z.object({
    shopId, rule: ruleId, orderNo: orderNo.optional(), skuKey: skuKey.optional(),
    reason: z.string().trim().min(2).max(500),
  }).strict().refine((r) => (r.orderNo === undefined) !== (r.skuKey === undefined), { message: 'orderNo or skuKey' }),
  /** Withdraw an override: the block is back. */
  'rules.withdraw': z.object({ shopId, overrideId: z.number().int().positive() }).strict(),
} as const;

export type RulesContract = FeatureContract<typeof rulesSchemas, {
  'rules.list': RuleInfo[];
  'rules.setParams': RuleInfo[];
  'rules.check': RulesSummary;
  'rules.summary': RulesSummary;
  'rules.findings': FindingsPage;
  'rules.override': RuleOverride;
  'rules.withdraw': { withdrawn: boolean };
}>;
