/**
 * 凭证: finds the orders of a dispute — by order number, card number or code, recharge (phone)
 * number or supplier order number, and/or the paid/exported dates — with how much evidence each
 * holds; opens an order (its drawer shows the evidence), makes its evidence pack or the pack of a
 * date range, and runs 数据校验 over everything VShip keeps.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Input, Space, Table, Tag, Tooltip } from 'antd';
import { FileZipOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { EvidenceOrderHit } from '../../../../shared/domain/evidence';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { getLocale, t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/format/time';
import { useShop } from '../shops';
import { useEvidenceVersion } from './evidence-version';
import { MaskSwitch } from './MaskSwitch';
import { useEvidenceFiles } from './useEvidenceFiles';
import { useVerify } from './useVerify';
import { VerifyPanel } from './VerifyPanel';
import './evidence.css';

// The date picker's month and week names follow dayjs' locale (antd's ConfigProvider gives only its own words).
if (getLocale() === 'zh-CN') dayjs.locale('zh-cn');

const LIMIT = 200;
type Range = [Dayjs | null, Dayjs | null] | null;
interface Search { query: string; from?: string; to?: string; onlyWithEvidence: boolean }
type Found = { hits: EvidenceOrderHit[]; more: boolean } | { error: AppErrorData };

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

export function EvidenceScreen({ active, onOpenOrder }: {
  active: boolean;
  onOpenOrder: (orderNo: string) => void;
}) {
  const { shopId } = useShop();
  const version = useEvidenceVersion();
  const files = useEvidenceFiles();
  const verify = useVerify();
  const [query, setQuery] = useState('');
  // The last 30 days at first: the search by dates alone lists the orders delivered in them.
  const [range, setRange] = useState<Range>(() => [dayjs().subtract(29, 'day'), dayjs()]);
  const [onlyWithEvidence, setOnlyWithEvidence] = useState(true);
  const [search, setSearch] = useState<Search | null>(null);
  const [found, setFound] = useState<Found | null>(null);
  const [loading, setLoading] = useState(false);
  const [packing, setPacking] = useState<string | null>(null);
  const seq = useRef(0);

  const from = day(range?.[0]);
  const to = day(range?.[1]);
  const submit = useCallback(() => {
    setSearch({ query: query.trim(), from, to, onlyWithEvidence });
  }, [query, from, to, onlyWithEvidence]);

  // First shown: the orders of the last 30 days that hold evidence.
  useEffect(() => {
    if (active && search === null) submit();
  }, [active, search, submit]);

  useEffect(() => {
    if (!search) return;
    const mine = ++seq.current;
    setLoading(true);
    call('evidence.search', {
      shopId, limit: LIMIT, onlyWithEvidence: search.onlyWithEvidence,
      ...(search.query ? { query: search.query } : {}),
      ...(search.from && search.to ? { from: search.from, to: search.to } : {}),
    })
      .then((r) => mine === seq.current && setFound(r))
      .catch((e: unknown) => mine === seq.current && setFound({ error: errorData(e) }))
      .finally(() => mine === seq.current && setLoading(false));
  }, [search, shopId, version]);

  const packOrder = async (orderNo: string) => {
    setPacking(orderNo);
    await files.pack({ orderNo });
    setPacking(null);
  };

  const hits = found && 'hits' in found ? found.hits : [];
  return (
    <div className="screen evidence-screen" hidden={!active} data-testid="evidence-screen">
      <div className="evidence-toolbar">
        <Space wrap size={8} className="evidence-toolbar-search">
          <Input
            allowClear
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onPressEnter={submit}
            prefix={<SearchOutlined />}
            placeholder={t('evidence.search.placeholder')}
            className="evidence-search-input"
            data-testid="evidence-search"
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => setRange(v)}
            allowEmpty={[false, false]}
            placeholder={[t('evidence.search.from'), t('evidence.search.to')]}
            data-testid="evidence-range"
          />
          <Checkbox checked={onlyWithEvidence} onChange={(e) => setOnlyWithEvidence(e.target.checked)} data-testid="evidence-only-with">
            {t('evidence.search.onlyWith')}
          </Checkbox>
          <Button type="primary" icon={<SearchOutlined />} onClick={submit} loading={loading} data-testid="evidence-search-button">{t('evidence.search.button')}</Button>
        </Space>
        <Space size={8}>
          <MaskSwitch mask={files.mask} onChange={files.setMask} />
          <Tooltip title={from && to ? t('evidence.pack.rangeTip', { from, to }) : t('evidence.pack.rangeNeedsDates')}>
            <Button icon={<FileZipOutlined />} disabled={!(from && to)} loading={files.busy === 'pack' && packing === null} onClick={() => from && to && void files.pack({ from, to })} data-testid="evidence-pack-range">
              {t('evidence.pack.range')}
            </Button>
          </Tooltip>
          <Tooltip title={t('evidence.verify.tip')}>
            <Button icon={<SafetyCertificateOutlined />} loading={verify.running} onClick={() => void verify.run()} data-testid="verify-button">
              {t('evidence.verify.button')}
            </Button>
          </Tooltip>
        </Space>
      </div>
      <VerifyPanel state={verify} />
      {found && 'error' in found && <Alert type="error" showIcon title={errorText(found.error)} data-testid="evidence-search-error" />}
      {found && 'hits' in found && found.more && <Alert type="info" showIcon title={t('evidence.search.more', { limit: LIMIT })} />}
      <div className="list-frame evidence-results">
        <Table<EvidenceOrderHit>
          size="middle"
          rowKey="orderId"
          loading={loading}
          dataSource={hits}
          pagination={hits.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ y: 'calc(100vh - 300px)' }}
          locale={{ emptyText: search?.query || search?.from ? t('evidence.search.none') : t('evidence.search.noneYet') }}
          onRow={(h) => ({ 'data-testid': 'evidence-hit', 'data-order-no': h.orderNo } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            {
              key: 'orderNo', title: t('evidence.col.orderNo'), dataIndex: 'orderNo', width: 220,
              render: (v: string) => <Button type="link" size="small" className="mono evidence-link" onClick={() => onOpenOrder(v)}>{v}</Button>,
            },
            {
              key: 'product', title: t('evidence.col.product'), ellipsis: true,
              render: (_: unknown, h: EvidenceOrderHit) => <span title={`${h.productName} ${h.spec}`}>{h.productName}<span className="muted"> {h.spec}</span></span>,
            },
            { key: 'rechargeNo', title: t('evidence.col.rechargeNo'), dataIndex: 'rechargeNo', width: 140, render: (v: string) => v ? <span className="mono">{v}</span> : <span className="muted">{t('common.none')}</span> },
            { key: 'paidAt', title: t('evidence.col.paidAt'), dataIndex: 'paidAt', width: 150, render: (v: string | null) => formatDateTime(v) || t('common.none') },
            { key: 'exportedAt', title: t('evidence.col.exportedAt'), dataIndex: 'exportedAt', width: 150, render: (v: string | null) => formatDateTime(v) || <span className="muted">{t('evidence.col.notExported')}</span> },
            {
              key: 'evidence', title: t('evidence.col.count'), dataIndex: 'evidence', width: 80, align: 'right',
              render: (n: number) => n > 0 ? <Tag color="processing" className="evidence-count-tag" data-testid="evidence-hit-count">{n}</Tag> : <span className="muted" data-testid="evidence-hit-count">0</span>,
            },
            {
              key: 'matchedBy', title: t('evidence.col.matchedBy'), dataIndex: 'matchedBy', width: 110,
              render: (v: EvidenceOrderHit['matchedBy']) => <span className="muted">{t(`evidence.matchedBy.${v}`)}</span>,
            },
            {
              key: 'actions', title: t('evidence.col.actions'), width: 170, fixed: 'right',
              render: (_: unknown, h: EvidenceOrderHit) => (
                <Space size={4}>
                  <Button size="small" onClick={() => onOpenOrder(h.orderNo)} data-testid="evidence-hit-open">{t('evidence.col.open')}</Button>
                  <Button size="small" icon={<FileZipOutlined />} loading={packing === h.orderNo} disabled={!h.exportedAt && h.evidence === 0} onClick={() => void packOrder(h.orderNo)} data-testid="evidence-hit-pack">
                    {t('evidence.col.pack')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </div>
    </div>
  );
}
