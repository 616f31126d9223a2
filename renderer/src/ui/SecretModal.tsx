/**
 * A secret shown in full after an explicit 查看: each part with its copy button, and the note that
 * the view was recorded in the ledger. Nothing here is logged or kept after the modal closes.
 */
import { Alert, App, Button, Modal, Spin, Typography } from 'antd';
import { CopyOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { AppErrorData } from '../../../shared/errors';
import { STOCK_SEPARATORS } from '../../../shared/rules/stock-separators';
import { copyText } from '../lib/clipboard/copy-text';
import { errorText } from '../lib/error-text';
import { formatDateTime } from '../lib/format/time';
import { t } from '../i18n';
import './secret.css';

export interface SecretField {
  label: string;
  value: string;
  /** A secret to copy (card, code, login, password); dates and notes are plain text. */
  secret?: boolean;
}

export interface SecretGroup {
  key: string;
  title?: string;
  fields: SecretField[];
}

/** The parts of an item that a buyer receives, labelled for its kind; empty parts left out. */
export function secretFields(kind: string, it: {
  cardNo: string; password: string; code: string; login: string; extras: string;
  rentalUntil?: string | null; expiresAt?: string | null; rechargeRef?: string;
}): SecretField[] {
  const f: SecretField[] = [];
  const add = (label: string, value: string | null | undefined, secret = true) => {
    if (value) f.push({ label, value, secret });
  };
  if (kind === 'recharge') {
    add(t('secret.rechargeRef'), it.rechargeRef || t('secret.noRef'), false);
    return f;
  }
  if (kind === 'account') {
    add(t('secret.login'), it.login);
    add(t('secret.password'), it.password);
  } else if (kind === 'code') {
    add(t('secret.code'), it.code || it.cardNo);
  } else {
    add(t('secret.cardNo'), it.cardNo);
    add(t('secret.password'), it.password);
    if (!it.cardNo) add(t('secret.code'), it.code);
  }
  add(t('secret.extras'), it.extras);
  add(t('secret.rentalUntil'), formatDateTime(it.rentalUntil), false);
  add(t('secret.expiresAt'), formatDateTime(it.expiresAt), false);
  return f;
}

/** One line per item, as the merchant pastes it elsewhere: 卡号----密码, a code, or 账号----密码. */
export function secretLine(fields: SecretField[]): string {
  return fields.filter((f) => f.secret).map((f) => f.value).join(STOCK_SEPARATORS[0]);
}

export function SecretModal({ open, title, loading, error, groups, onClose }: {
  open: boolean;
  title: string;
  loading: boolean;
  error: AppErrorData | null;
  groups: SecretGroup[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const all = groups.map((g) => secretLine(g.fields)).filter(Boolean).join('\n');
  const copyAll = async () => {
    if (await copyText(all)) message.success(t('common.copied'));
    else message.error(t('common.copyFailed'));
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      width={560}
      destroyOnHidden
      footer={[
        groups.length > 1 && all ? (
          <Button key="all" icon={<CopyOutlined />} onClick={copyAll} data-testid="reveal-copy-all">{t('secret.copyAll')}</Button>
        ) : null,
        <Button key="close" type="primary" onClick={onClose} data-testid="reveal-close">{t('common.close')}</Button>,
      ]}
    >
      <div data-testid="reveal-modal">
        {loading && <div className="secret-loading"><Spin /></div>}
        {error && <Alert type="error" showIcon title={errorText(error)} />}
        {!loading && !error && groups.length === 0 && <div className="muted">{t('secret.empty')}</div>}
        {!loading && !error && groups.map((g) => (
          <section key={g.key} className="secret-group">
            {g.title && <div className="secret-group-title">{g.title}</div>}
            <dl className="secret-fields">
              {g.fields.map((f) => (
                <div key={f.label} className="secret-field">
                  <dt>{f.label}</dt>
                  <dd>
                    <Typography.Text
                      className={f.secret ? 'mono secret-value selectable' : 'selectable'}
                      copyable={f.secret ? { text: f.value, tooltips: [t('common.copy'), t('common.copied')] } : false}
                      data-testid={f.secret ? 'reveal-value' : undefined}
                    >
                      {f.value}
                    </Typography.Text>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <div className="secret-note"><SafetyCertificateOutlined /> {t('secret.recorded')}</div>
      </div>
    </Modal>
  );
}
