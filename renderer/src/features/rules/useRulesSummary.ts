/**
 * The current shop's rule summary (rules.summary): after each change of the data, on shop switch
 * and each minute. The window shows its blocked orders on the 规则检查 tab; the screen shows it
 * all, and hands over the fresher summary a check returns (`set`).
 */
import { useCallback, useEffect, useState } from 'react';
import type { RulesSummary } from '../../../../shared/domain';
import { call } from '../../bridge';
import { useShop } from '../shops';

export interface RulesSummaryState {
  /** null until it arrives, and again right after a shop switch. */
  summary: RulesSummary | null;
  set: (s: RulesSummary) => void;
}

export function useRulesSummary(): RulesSummaryState {
  const { shopId, now, version } = useShop();
  const [summary, setSummary] = useState<{ shopId: number; value: RulesSummary } | null>(null);

  useEffect(() => {
    let live = true;
    // A failure here is said by the screen's own check; the tab just keeps its last count.
    call('rules.summary', { shopId }).then((s) => live && setSummary({ shopId, value: s }), () => undefined);
    return () => {
      live = false;
    };
  }, [shopId, version, now]);

  const set = useCallback((s: RulesSummary) => setSummary({ shopId, value: s }), [shopId]);
  return { summary: summary?.shopId === shopId ? summary.value : null, set };
}
