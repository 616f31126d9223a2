/**
 * The current shop's rule summary (rules.summary): after each change of the data, on shop switch
 * and each minute; a check older than 15 minutes is run again, since deadlines and expiries move
 * by themselves. The window shows its blocked orders on the 规则检查 tab; the screen shows it all,
 * and hands over the fresher summary a check returns (`set`).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RulesSummary } from '../../../../shared/domain';
import { call } from '../../bridge';
import { useShop } from '../shops';

/** How old a check may be before the window runs it again by itself. */
const RECHECK_MS = 15 * 60_000;

export interface RulesSummaryState {
  /** null until it arrives, and again right after a shop switch. */
  summary: RulesSummary | null;
  set: (s: RulesSummary) => void;
}

export function useRulesSummary(): RulesSummaryState {
  const { shopId, now, version, changed } = useShop();
  const [summary, setSummary] = useState<{ shopId: number; value: RulesSummary } | null>(null);
  const lastAuto = useRef(0);

  useEffect(() => {
    let live = true;
    // A failure here is said by the screen's own check; the tab just keeps its last count.
    call('rules.summary', { shopId }).then(async (s) => {
      if (!live) return;
      setSummary({ shopId, value: s });
      // Deadlines and expiries move with the clock, not with the data: a check older than a
      // quarter of an hour is run again, and what shows findings reloads when it found anew.
      if (!s.checkedAt || now - Date.parse(s.checkedAt) < RECHECK_MS) return;
      // At most once a quarter of an hour by this window's clock, whatever the core's says.
      if (now - lastAuto.current < RECHECK_MS) return;
      lastAuto.current = now;
      const fresh = await call('rules.check', { shopId });
      if (!live) return;
      setSummary({ shopId, value: fresh });
      if (fresh.checkedAt !== s.checkedAt) changed();
    }).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [shopId, version, now, changed]);

  const set = useCallback((s: RulesSummary) => setSummary({ shopId, value: s }), [shopId]);
  return { summary: summary?.shopId === shopId ? summary.value : null, set };
}
