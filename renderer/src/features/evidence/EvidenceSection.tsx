/**
 * 凭证 in the order drawer: the order's screenshots as thumbnails (click: full size, paging through
 * them), PDFs as cards (opened in a new tab, or saved in the desktop app), each with its kind, note
 * and times; 移除 with a reason (removed ones behind 显示已移除); a drop zone and Ctrl+V; and the
 * files for a dispute: the delivery record (PNG, PDF) and the evidence pack.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Empty, Image, Select, Space, Spin, Switch, Tag, Tooltip } from 'antd';
import { DeleteOutlined, FilePdfOutlined, FileZipOutlined, PictureOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { EVIDENCE_KINDS, type EvidenceItem, type EvidenceKind } from '../../../../shared/domain/evidence';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData, getBridge } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { saveBytes } from '../../lib/files/download';
import { formatBytes } from '../../../../shared/rules/file-limits';
import { formatDateTime } from '../../lib/format/time';
import { HiddenFileInput } from '../../ui/HiddenFileInput';
import { useShop } from '../shops';
import { evidenceChanged, useEvidenceVersion } from './evidence-version';
import { HideEvidenceModal } from './HideEvidenceModal';
import { kindText } from './kind-text';
import { layoutEvidence } from './thumbs';
import { useEvidenceAdd } from './useEvidenceAdd';
import { useEvidenceFiles } from './useEvidenceFiles';
import { useEvidencePaste } from './useEvidencePaste';
import { MaskSwitch } from './MaskSwitch';
import './evidence.css';

export const EVIDENCE_ACCEPT = 'image/png,image/jpeg,image/webp,image/bmp,image/gif,application/pdf,.png,.jpg,.jpeg,.webp,.bmp,.gif,.pdf';

type Loaded = { key: string; items: EvidenceItem[] } | { key: string; error: AppErrorData };

export function EvidenceSection({ orderNo, delivered }: {
  orderNo: string;
  /** Exported at least once: it has a delivery record. */
  delivered: boolean;
}) {
  const { shopId } = useShop();
  const { message } = AntApp.useApp();
  const version = useEvidenceVersion();
  const addEvidence = useEvidenceAdd();
  const files = useEvidenceFiles();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [showHidden, setShowHidden] = useState(false);
  const [hiding, setHiding] = useState<EvidenceItem | null>(null);
  const [hideBusy, setHideBusy] = useState(false);
  const pickRef = useRef<HTMLInputElement>(null);
  useEvidencePaste(orderNo, addEvidence);

  const key = `${shopId}:${orderNo}:${version}`;
  useEffect(() => {
    let live = true;
    call('evidence.list', { shopId, orderNo, includeHidden: true })
      .then((items) => live && setLoaded({ key, items }))
      .catch((e: unknown) => live && setLoaded({ key, error: errorData(e) }));
    return () => {
      live = false;
    };
  }, [shopId, orderNo, key]);

  const items = loaded && 'items' in loaded ? loaded.items : [];
  const layout = layoutEvidence(items);
  const shown = layout.images.length + layout.pdfs.length;

  const hide = async (item: EvidenceItem, reason: string) => {
    setHideBusy(true);
    try {
      await call('evidence.hide', { shopId, id: item.id, reason });
      message.success(t('evidence.hide.done', { name: item.name }));
      setHiding(null);
      evidenceChanged();
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setHideBusy(false);
    }
  };
  const setKind = async (item: EvidenceItem, kind: EvidenceKind) => {
    try {
      await call('evidence.update', { shopId, id: item.id, kind });
      evidenceChanged();
    } catch (e) {
      message.error(errorText(errorData(e)));
    }
  };

  return (
    <section className="evidence-section" data-testid="evidence-section">
      <div className="evidence-head">
        <h3 className="evidence-title">
          {t('evidence.section.title')}
          <span className="evidence-count" data-testid="evidence-count">{shown}</span>
        </h3>
        <Space size={6} wrap className="evidence-head-actions">
          <MaskSwitch mask={files.mask} onChange={files.setMask} />
          <Tooltip title={delivered ? t('evidence.record.tip') : t('evidence.record.notDelivered')}>
            <Space.Compact>
              <Button size="small" icon={<PictureOutlined />} disabled={!delivered} loading={files.busy === 'record-png'} onClick={() => void files.record(orderNo, 'png')} data-testid="evidence-record-png">
                {t('evidence.record.png')}
              </Button>
              <Button size="small" icon={<FilePdfOutlined />} disabled={!delivered} loading={files.busy === 'record-pdf'} onClick={() => void files.record(orderNo, 'pdf')} data-testid="evidence-record-pdf">
                {t('evidence.record.pdf')}
              </Button>
            </Space.Compact>
          </Tooltip>
          <Tooltip title={t('evidence.pack.orderTip')}>
            <Button size="small" type="primary" ghost icon={<FileZipOutlined />} disabled={!delivered && shown === 0} loading={files.busy === 'pack'} onClick={() => void files.pack({ orderNo })} data-testid="evidence-pack-order">
              {t('evidence.pack.order')}
            </Button>
          </Tooltip>
        </Space>
      </div>

      <div className="evidence-drop" data-drop-order={orderNo} data-testid="evidence-drop">
        <span className="muted">{t('evidence.section.dropHint')}</span>
        <Button size="small" icon={<PlusOutlined />} onClick={() => pickRef.current?.click()} data-testid="evidence-pick">{t('evidence.section.pick')}</Button>
        <HiddenFileInput inputRef={pickRef} accept={EVIDENCE_ACCEPT} multiple testId="evidence-pick-input" onFiles={(f) => void addEvidence(orderNo, f, 'drop')} />
      </div>

      {!loaded && <div className="evidence-loading"><Spin size="small" /></div>}
      {loaded && 'error' in loaded && <Alert type="error" showIcon title={errorText(loaded.error)} />}
      {loaded && 'items' in loaded && shown === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} className="evidence-empty" description={t('evidence.section.empty')} />
      )}
      {shown > 0 && (
        <Image.PreviewGroup>
          <div className="evidence-thumbs" data-testid="evidence-thumbs">
            {layout.images.map((item) => (
              <EvidenceCard key={item.id} item={item} onHide={setHiding} onKind={setKind} />
            ))}
            {layout.pdfs.map((item) => (
              <EvidenceCard key={item.id} item={item} onHide={setHiding} onKind={setKind} />
            ))}
          </div>
        </Image.PreviewGroup>
      )}
      {layout.hidden.length > 0 && (
        <div className="evidence-hidden-toggle">
          <Switch size="small" checked={showHidden} onChange={setShowHidden} data-testid="evidence-show-hidden" />
          <span className="muted">{t('evidence.section.showHidden', { count: layout.hidden.length })}</span>
        </div>
      )}
      {showHidden && layout.hidden.length > 0 && (
        <div className="evidence-thumbs evidence-thumbs-hidden" data-testid="evidence-hidden">
          {layout.hidden.map((item) => <EvidenceCard key={item.id} item={item} />)}
        </div>
      )}
      <HideEvidenceModal item={hiding} busy={hideBusy} onCancel={() => setHiding(null)} onHide={(i, r) => void hide(i, r)} />
    </section>
  );
}

/** One item: the thumbnail (or the PDF card), its kind, name, times and note, 移除. */
function EvidenceCard({ item, onHide, onKind }: {
  item: EvidenceItem;
  onHide?: (item: EvidenceItem) => void;
  onKind?: (item: EvidenceItem, kind: EvidenceKind) => void;
}) {
  const { message } = AntApp.useApp();
  const [broken, setBroken] = useState(false);
  const url = getBridge().evidenceUrl(item.id);
  const pdf = item.mime === 'application/pdf';
  const openPdf = async () => {
    // The desktop app opens no second window: the PDF is saved instead.
    if (getBridge().host === 'web') {
      window.open(url, '_blank', 'noopener');
      return;
    }
    try {
      const got = await call('evidence.file', { id: item.id });
      saveBytes(got.name, got.bytes, got.mime);
    } catch (e) {
      message.error(errorText(errorData(e)));
    }
  };
  // The image's own time says when it was taken; a file's time on disk only when it was last saved.
  const time = !item.capturedAt
    ? t('evidence.card.added', { at: formatDateTime(item.addedAt) })
    : item.capturedFrom === 'file'
      ? t('evidence.card.fileTime', { at: formatDateTime(item.capturedAt) })
      : t('evidence.card.captured', { at: formatDateTime(item.capturedAt) });
  return (
    <div className={`evidence-card${item.hidden ? ' evidence-card-hidden' : ''}`} data-testid="evidence-card" data-evidence-id={item.id} data-name={item.name}>
      <div className="evidence-thumb">
        {pdf ? (
          <button type="button" className="evidence-pdf" onClick={() => void openPdf()} title={t('evidence.card.openPdf')} data-testid="evidence-pdf">
            <FilePdfOutlined />
            <span className="evidence-pdf-label">PDF</span>
          </button>
        ) : broken ? (
          <div className="evidence-broken" data-testid="evidence-broken"><WarningOutlined /><span>{t('evidence.card.broken')}</span></div>
        ) : (
          <Image
            src={url}
            alt={item.name}
            width={136}
            height={96}
            onError={() => setBroken(true)}
            preview={item.hidden ? false : { mask: t('evidence.card.preview') }}
            data-testid="evidence-thumb"
          />
        )}
      </div>
      <div className="evidence-meta">
        <div className="evidence-name" title={`${item.name} · ${formatBytes(item.bytes)} · SHA-256 ${item.sha256}`}>{item.name}</div>
        <div className="evidence-line">
          {onKind && !item.hidden ? (
            <Select<EvidenceKind>
              size="small"
              variant="borderless"
              value={item.kind}
              onChange={(k) => onKind(item, k)}
              options={EVIDENCE_KINDS.map((k) => ({ value: k, label: kindText(k) }))}
              className="evidence-kind-select"
              popupMatchSelectWidth={false}
              data-testid="evidence-kind"
            />
          ) : (
            <Tag className="evidence-kind-tag">{kindText(item.kind)}</Tag>
          )}
          {onHide && (
            <Tooltip title={t('evidence.card.hide')}>
              <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => onHide(item)} aria-label={t('evidence.card.hide')} data-testid="evidence-hide" />
            </Tooltip>
          )}
        </div>
        <div className="evidence-time muted" title={t('evidence.card.added', { at: formatDateTime(item.addedAt, true) })}>{time}</div>
        {item.note && <div className="evidence-note" title={item.note}>{item.note}</div>}
        {item.hidden && (
          <div className="evidence-hidden-reason text-danger" data-testid="evidence-hidden-reason">
            {t('evidence.card.hiddenAt', { at: formatDateTime(item.hiddenAt) })}{item.hiddenReason ? `${t('evidence.sep')}${item.hiddenReason}` : ''}
          </div>
        )}
      </div>
    </div>
  );
}
