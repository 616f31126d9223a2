/**
 * The template profile in the export dialog: the built-in layout (marked 未核实) until the merchant
 * gives the template downloaded from the backend, or the one given (sheet, header row, 更换, back
 * to the built-in layout). A file picked is read first (export.readTemplate) and shown column by
 * column to check before it is kept (TemplateMappingModal).
 */
import { useRef, useState } from 'react';
import { Alert, App, Button, Popconfirm } from 'antd';
import { FileExcelOutlined, RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import type { TemplateProfile } from '../../../../shared/domain';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { toFilePayloads } from '../../lib/files/payload';
import { formatDateTime } from '../../lib/format/time';
import { useShop } from '../shops';
import { TemplateMappingModal, type ReadTemplate } from './TemplateMappingModal';
import './export.css';
import { HiddenFileInput } from '../../ui/HiddenFileInput';

/** What the template picker offers: the backend gives xlsx; xls and csv are read too. */
export const TEMPLATE_ACCEPT = '.xlsx,.xls,.csv';

export function TemplateSection({ template, onChanged }: {
  /** The shop's profile (from the preview); null while it loads. */
  template: TemplateProfile | null;
  /** A template was kept or cleared: the preview is asked again. */
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const { shopId } = useShop();
  const input = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState(false);
  const [read, setRead] = useState<ReadTemplate | null>(null);

  const readFile = async (file: File) => {
    setReading(true);
    try {
      const [payload] = await toFilePayloads([file]);
      const profile = await call('export.readTemplate', { shopId, file: payload });
      setRead({ file: payload, profile });
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setReading(false);
    }
  };

  const clear = async () => {
    try {
      await call('export.clearTemplate', { shopId });
      message.success(t('export.template.cleared'));
      onChanged();
    } catch (e) {
      message.error(errorText(errorData(e)));
    }
  };

  const pick = (
    <Button
      size="small"
      icon={template?.builtIn === false ? <SwapOutlined /> : <FileExcelOutlined />}
      loading={reading}
      onClick={() => input.current?.click()}
      data-testid="export-template-pick"
    >
      {t(template?.builtIn === false ? 'export.template.replace' : 'export.template.give')}
    </Button>
  );

  return (
    <div className="export-template" data-testid="export-template">
      {template?.builtIn !== false ? (
        <Alert
          type="warning"
          showIcon
          className="export-template-alert"
          data-testid="export-template-builtin"
          title={<span className="strong">{t('export.template.unverified')}</span>}
          description={
            <div className="export-template-body">
              <div>{t('export.template.builtInHint')}</div>
              <div>{pick}</div>
            </div>
          }
        />
      ) : (
        <div className="export-template-given" data-testid="export-template-given">
          <div className="export-template-line">
            <FileExcelOutlined className="export-template-icon" />
            <span className="strong mono export-template-name" title={template.name}>{template.name}</span>
          </div>
          <div className="export-template-facts muted">
            <span>{t('export.template.sheet', { sheet: template.sheet })}</span>
            <span>{t('export.template.headerRow', { row: template.headerRow })}</span>
            <span>{t('export.template.columns', { count: template.columns.length })}</span>
            {template.setAt && <span>{t('export.template.setAt', { at: formatDateTime(template.setAt) })}</span>}
          </div>
          {template.format === 'xls' && <div className="export-template-note" data-testid="export-template-xls">{t('export.template.xlsNote')}</div>}
          <div className="export-template-actions">
            {pick}
            <Popconfirm title={t('export.template.clearConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => void clear()}>
              <Button size="small" type="text" icon={<RollbackOutlined />} data-testid="export-template-clear">{t('export.template.clear')}</Button>
            </Popconfirm>
          </div>
        </div>
      )}
      <HiddenFileInput inputRef={input} accept={TEMPLATE_ACCEPT} testId="export-template-input" onFiles={([file]) => void readFile(file)} />
      <TemplateMappingModal
        read={read}
        onCancel={() => setRead(null)}
        onSaved={() => {
          setRead(null);
          onChanged();
        }}
      />
    </div>
  );
}
