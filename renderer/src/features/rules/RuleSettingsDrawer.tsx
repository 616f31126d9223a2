/**
 * 规则设置: each rule that has parameters, its values editable by type (days / hours, a switch,
 * a list of words), saved one rule at a time; 恢复默认 per rule and for all. The core re-checks
 * every shop on each change, so the counts move at once.
 */
import { useEffect, useState } from 'react';
import { App, Button, Drawer, InputNumber, Popconfirm, Select, Switch, Tag } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import type { RuleId, RuleInfo, RuleParamInfo, RuleParams, RuleParamValue } from '../../../../shared/domain';
import type { Req } from '../../../../shared/contract';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { ruleTitle } from './finding-text';
import { SeverityTag } from './RulesTable';
import { paramChanged, paramLabel, paramUnit, paramValueText } from './rule-params';
import './rules.css';

function ParamInput({ rule, p, value, onChange }: { rule: RuleId; p: RuleParamInfo; value: RuleParamValue; onChange: (v: RuleParamValue) => void }) {
  const testId = `rule-param-${p.name}`;
  if (p.type === 'bool') {
    return <Switch checked={value as boolean} onChange={onChange} data-testid={testId} aria-label={paramLabel(rule, p.name)} />;
  }
  if (p.type === 'words') {
    return (
      <Select<string[]>
        mode="tags"
        value={value as string[]}
        onChange={(v) => onChange(v)}
        tokenSeparators={[',', '，', '、']}
        placeholder={t('rulesSettings.wordsPlaceholder')}
        notFoundContent={null}
        suffixIcon={null}
        style={{ width: '100%' }}
        data-testid={testId}
        aria-label={paramLabel(rule, p.name)}
      />
    );
  }
  const unit = paramUnit(p.name);
  return (
    <InputNumber<number>
      min={p.min}
      max={p.max}
      precision={0}
      value={value as number}
      onChange={(v) => v !== null && onChange(v)}
      suffix={unit ?? undefined}
      style={{ width: 140 }}
      data-testid={testId}
      aria-label={paramLabel(rule, p.name)}
    />
  );
}

function RuleSection({ rule, busy, onSave, onReset }: {
  rule: RuleInfo;
  busy: boolean;
  onSave: (params: RuleParams) => void;
  onReset: () => void;
}) {
  const initial = () => Object.fromEntries(rule.params.map((p) => [p.name, p.value]));
  const [draft, setDraft] = useState<RuleParams>(initial);
  // The saved values (after a save, a reset, or the list loaded again) replace the draft.
  const [from, setFrom] = useState(rule);
  if (from !== rule) {
    setFrom(rule);
    setDraft(initial());
  }
  const dirty = rule.params.some((p) => JSON.stringify(draft[p.name]) !== JSON.stringify(p.value));

  return (
    <section className="rule-settings" data-testid="rule-settings" data-rule={rule.id}>
      <header className="rule-settings-head">
        <SeverityTag severity={rule.severity} />
        <span className="rule-title">{ruleTitle(rule.id)}</span>
        {rule.changed && <Tag color="blue" className="rule-changed" data-testid="rule-changed">{t('rulesScreen.changed')}</Tag>}
        <span className="toolbar-spacer" />
        <span className="muted rule-settings-clause">{t('rulesScreen.clause', { clause: rule.clause })}</span>
      </header>
      {rule.params.map((p) => (
        <div className="rule-param" key={p.name}>
          <label className="rule-param-label">{paramLabel(rule.id, p.name)}</label>
          <div className="rule-param-input">
            <ParamInput rule={rule.id} p={p} value={draft[p.name]} onChange={(v) => setDraft((d) => ({ ...d, [p.name]: v }))} />
            {p.type !== 'words' && (
              <span className={`rule-param-default ${paramChanged(p, draft[p.name]) ? 'text-warning' : 'muted'}`}>
                {t('rulesSettings.default', { value: paramValueText(p.name, p.default) })}
              </span>
            )}
          </div>
        </div>
      ))}
      <footer className="rule-settings-actions">
        <Button size="small" icon={<UndoOutlined />} disabled={!rule.changed || busy} onClick={onReset} data-testid="rule-reset">
          {t('rulesSettings.reset')}
        </Button>
        <Button size="small" type="primary" disabled={!dirty} loading={busy} onClick={() => onSave(draft)} data-testid="rule-save">
          {t('rulesSettings.save')}
        </Button>
      </footer>
    </section>
  );
}

export function RuleSettingsDrawer({ open, rules, onClose, onRules }: {
  open: boolean;
  rules: RuleInfo[];
  onClose: () => void;
  /** The rules as saved (rules.setParams answers with all of them); the shops are checked again. */
  onRules: (rules: RuleInfo[]) => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<RuleId | 'all' | null>(null);
  useEffect(() => {
    if (!open) setBusy(null);
  }, [open]);

  const run = async (who: RuleId | 'all', req: Req<'rules.setParams'>, done: string) => {
    setBusy(who);
    try {
      onRules(await call('rules.setParams', req));
      message.success(done);
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setBusy(null);
    }
  };

  const withParams = rules.filter((r) => r.params.length > 0);
  const anyChanged = rules.some((r) => r.changed);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={600}
      title={t('rulesSettings.title')}
      data-testid="rules-settings"
      extra={
        <Popconfirm
          title={t('rulesSettings.resetAllConfirm')}
          okText={t('rulesSettings.resetAll')}
          cancelText={t('common.cancel')}
          onConfirm={() => run('all', { reset: true }, t('rulesSettings.resetAllDone'))}
        >
          <Button icon={<UndoOutlined />} disabled={!anyChanged || busy !== null} loading={busy === 'all'} data-testid="rules-reset-all">
            {t('rulesSettings.resetAll')}
          </Button>
        </Popconfirm>
      }
    >
      <div className="rule-settings-body" data-testid="rules-settings-body">
        <p className="muted rule-settings-intro">{t('rulesSettings.intro')}</p>
        {withParams.map((r) => (
          <RuleSection
            key={r.id}
            rule={r}
            busy={busy === r.id}
            onSave={(params) => run(r.id, { rule: r.id, params }, t('rulesSettings.saved', { title: ruleTitle(r.id) }))}
            onReset={() => run(r.id, { rule: r.id, reset: true }, t('rulesSettings.resetDone', { title: ruleTitle(r.id) }))}
          />
        ))}
        <p className="muted">{t('rulesSettings.noParams', { count: rules.length - withParams.length })}</p>
      </div>
    </Drawer>
  );
}
