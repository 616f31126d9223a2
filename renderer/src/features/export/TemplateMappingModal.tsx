/**
 * 核对模板: the template the merchant gave, as VShip read it — each column of its header row with
 * what will fill it (a Select of the roles; 固定内容 and 发货方式 take a typed value), the
 * template's own example row beside it, and 一单多件 (a row per item, or the items joined in one
 * cell). 保存模板 keeps it for the shop (export.setTemplate).
 */
import { useState } from 'react';
import { Alert, App, Button, Input, Modal, Radio, Select, Table } from 'antd';
import { COLUMN_ROLES, type ColumnRole, type TemplateColumn, type TemplateProfile } from '../../../../shared/domain';
import type { FilePayload } from '../../../../shared/contract';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { useShop } from '../shops';
import { columnLetter, roleLabel } from './labels';
import './export.css';

/** A template just read, not yet kept. */
export interface ReadTemplate {
  file: FilePayload;
  profile: TemplateProfile;
}

const ROLE_OPTIONS = COLUMN_ROLES.map((role) => ({ value: role, label: roleLabel(role) }));
/** Roles whose text the merchant types. */
const TYPED: readonly ColumnRole[] = ['fixed', 'shipMethod'];

export function TemplateMappingModal({ read, onCancel, onSaved }: {
  read: ReadTemplate | null;
  onCancel: () => void;
  onSaved: (profile: TemplateProfile) => void;
}) {
  return (
    <Modal
      open={read !== null}
      title={t('export.template.mapTitle')}
      onCancel={onCancel}
      footer={null}
      width={820}
      centered
      destroyOnHidden
    >
      {read && (
        <div data-testid="export-template-map">
          <MappingBody key={read.profile.sha256} read={read} onCancel={onCancel} onSaved={onSaved} />
        </div>
      )}
    </Modal>
  );
}

function MappingBody({ read, onCancel, onSaved }: { read: ReadTemplate; onCancel: () => void; onSaved: (profile: TemplateProfile) => void }) {
  const { message } = App.useApp();
  const { shopId } = useShop();
  const { profile } = read;
  const [columns, setColumns] = useState<TemplateColumn[]>(profile.columns);
  const [multiItem, setMultiItem] = useState(profile.multiItem);
  const [saving, setSaving] = useState(false);

  const setColumn = (index: number, patch: Partial<TemplateColumn>) =>
    setColumns((list) => list.map((c) => (c.index === index ? { ...c, ...patch } : c)));

  const hasOrderNo = columns.some((c) => c.role === 'orderNo');

  const save = async () => {
    setSaving(true);
    try {
      const saved = await call('export.setTemplate', {
        shopId,
        file: read.file,
        columns: columns.map((c) => ({ index: c.index, role: c.role, ...(TYPED.includes(c.role) && c.value !== undefined ? { value: c.value } : {}) })),
        multiItem,
      });
      message.success(t('export.template.saved', { name: saved.name }));
      onSaved(saved);
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="export-map">
      <div className="export-map-facts">
        <span className="strong mono">{profile.name}</span>
        <span>{t('export.template.sheet', { sheet: profile.sheet })}</span>
        <span>{t('export.template.headerRow', { row: profile.headerRow })}</span>
        {profile.otherSheets.length > 0 && <span>{t('export.template.otherSheets', { sheets: profile.otherSheets.join('、') })}</span>}
      </div>
      {profile.format === 'xls' && <Alert type="info" showIcon title={t('export.template.xlsNote')} data-testid="export-template-xls" />}
      <Table<TemplateColumn>
        size="small"
        className="export-map-table"
        rowKey="index"
        pagination={false}
        scroll={{ y: 'calc(100vh - 420px)' }}
        dataSource={columns}
        columns={[
          { key: 'letter', title: t('export.template.col.letter'), width: 52, render: (_, c) => <span className="muted">{columnLetter(c.index)}</span> },
          { key: 'header', title: t('export.template.col.header'), dataIndex: 'header', width: 180, ellipsis: true, render: (v: string) => <span className="strong">{v}</span> },
          {
            key: 'example', title: t('export.template.col.example'), width: 170, ellipsis: true,
            render: (_, c) => (profile.example[c.index] ? <span className="mono" title={profile.example[c.index]}>{profile.example[c.index]}</span> : <span className="muted">{t('common.none')}</span>),
          },
          {
            key: 'role', title: t('export.template.col.role'), width: 190,
            render: (_, c) => (
              <Select<ColumnRole>
                value={c.role}
                onChange={(role) => setColumn(c.index, { role, value: role === 'shipMethod' ? c.value || t('export.template.noLogistics') : role === 'fixed' ? c.value ?? '' : undefined })}
                options={ROLE_OPTIONS}
                style={{ width: '100%' }}
                popupMatchSelectWidth={false}
                data-testid="export-map-role"
                data-header={c.header}
              />
            ),
          },
          {
            key: 'value', title: t('export.template.col.value'),
            render: (_, c) => TYPED.includes(c.role) ? (
              <Input
                size="small"
                value={c.value ?? ''}
                maxLength={200}
                placeholder={t(c.role === 'fixed' ? 'export.template.fixedPlaceholder' : 'export.template.noLogistics')}
                onChange={(e) => setColumn(c.index, { value: e.target.value })}
                data-testid="export-map-value"
                data-header={c.header}
              />
            ) : <span className="muted">{c.role === 'empty' ? t('export.template.leftEmpty') : t('export.template.fromOrder')}</span>,
          },
        ]}
      />
      <div className="export-map-multi">
        <span className="strong">{t('export.template.multiItem')}</span>
        <Radio.Group value={multiItem} onChange={(e) => setMultiItem(e.target.value as TemplateProfile['multiItem'])} data-testid="export-map-multi">
          <Radio value="rows">{t('export.template.multi.rows')}</Radio>
          <Radio value="join">{t('export.template.multi.join')}</Radio>
        </Radio.Group>
      </div>
      {!hasOrderNo && <Alert type="error" showIcon title={t('export.template.needOrderNo')} data-testid="export-map-no-order" />}
      <div className="export-map-foot">
        <span className="muted">{t('export.template.keepsFormatting')}</span>
        <span className="toolbar-spacer" />
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" loading={saving} disabled={!hasOrderNo} onClick={() => void save()} data-testid="export-map-save">
          {t('export.template.save')}
        </Button>
      </div>
    </div>
  );
}
