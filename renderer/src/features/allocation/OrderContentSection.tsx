/**
 * The 发货内容 section of the order drawer: what the order is filled with (masked), and what can
 * be done about it — 查看, 撤回, 手工填入, 标记已充值 — and its delivery message on demand.
 */
import { useState } from 'react';
import { Alert, App, Button, Input, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, EyeOutlined, MessageOutlined, RollbackOutlined, SettingOutlined } from '@ant-design/icons';
import type { OrderDetail, Product } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { stockShape, type StockShape } from '../../../../shared/rules/stock-shape';
import { call, errorData } from '../../bridge';
import { kindShort, t, type MessageKey } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { itemsPerUnit } from '../products';
import { useShop } from '../shops';
import { isStocked } from '../stock';
import { OrderRevealModal } from './OrderRevealModal';
import '../../ui/tags.css';
import './allocation.css';
import { itemLabel } from './item-label';

/** The hint above the 手工填入 box, by the shape of the items it takes. */
const MANUAL_HINT: Record<StockShape, MessageKey> = {
  card: 'content.manualHintCard',
  code: 'content.manualHintCode',
  account: 'content.manualHintAccount',
};

export function OrderContentSection({ order, product, onOpenProduct }: {
  order: OrderDetail;
  /** The order's product (first line); undefined while loading or when unknown. */
  product: Product | undefined;
  onOpenProduct: (skuKey: string, edit: boolean) => void;
}) {
  const { message, modal } = App.useApp();
  const { shopId, changed: onChanged } = useShop();
  const [revealing, setRevealing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [manual, setManual] = useState('');
  const [ref, setRef] = useState('');
  const [text, setText] = useState<string | null>(null);

  const filled = order.items.length > 0;
  const exported = order.items.some((it) => it.exported);
  const kind = product?.confirmed ? product.kind : null;
  const need = order.quantity * itemsPerUnit(product);
  const lines = manual.split(/\r\n|\n|\r/).map((l) => l.trim()).filter(Boolean);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorData(e));
    } finally {
      setBusy(false);
    }
  };

  const unassign = () => {
    modal.confirm({
      title: t('content.unassignTitle'),
      content: <div className="confirm-body">{exported ? t('content.unassignExported') : t('content.unassignBefore')}</div>,
      okText: t('content.unassign'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => run(async () => {
        const r = await call('allocation.unassign', { shopId, orderNo: order.orderNo });
        message.success(t('content.unassigned', { released: r.released, quarantined: r.quarantined }));
        setText(null);
        onChanged();
      }),
    });
  };

  const assign = () => run(async () => {
    await call('allocation.assign', { shopId, orderNo: order.orderNo, items: lines });
    message.success(t('content.assigned', { count: lines.length }));
    setManual('');
    onChanged();
  });

  const recharged = () => run(async () => {
    await call('allocation.recharged', { shopId, orderNo: order.orderNo, ref: ref.trim() || undefined });
    message.success(t('content.rechargedDone'));
    setRef('');
    onChanged();
  });

  const showMessage = () => run(async () => {
    const list = await call('messages.list', { shopId, orderNos: [order.orderNo] });
    setText(list[0]?.message ?? '');
  });

  return (
    <section className="order-content" data-testid="order-content">
      <div className="order-content-head">
        <span className="strong">{t('content.title')}</span>
        {filled
          ? <Tag color={exported ? 'purple' : 'blue'}>{exported ? t('content.exported') : t('content.filledCount', { count: order.items.length })}</Tag>
          : <Tag>{t('content.empty')}</Tag>}
        {product?.kind && <span className="muted">{kindShort(product.kind)}{product.confirmed ? '' : t('content.suggested')}</span>}
        <span className="toolbar-spacer" />
        {filled && (
          <Space size={8}>
            <Button size="small" icon={<EyeOutlined />} onClick={() => setRevealing(true)} data-testid="content-reveal">{t('content.reveal')}</Button>
            <Button size="small" danger icon={<RollbackOutlined />} onClick={unassign} disabled={busy} data-testid="content-unassign">{t('content.unassign')}</Button>
          </Space>
        )}
      </div>

      {filled && (
        <div className="order-content-items">
          {order.items.map((it) => (
            <span key={it.allocationId} className={`cell-tag ${it.kind === 'recharge' ? 'tag-recharge' : 'tag-item'}`} data-testid="drawer-item">{itemLabel(it)}</span>
          ))}
        </div>
      )}

      {!filled && !order.shippable && <div className="muted">{t('content.notShippable')}</div>}

      {!filled && order.shippable && kind === 'recharge' && (
        <div className="order-content-form">
          <div className="muted">{t('content.rechargeHint', { no: order.rechargeNo || t('common.none') })}</div>
          <Space.Compact style={{ width: '100%' }}>
            <Input placeholder={t('content.refPlaceholder')} value={ref} onChange={(e) => setRef(e.target.value)} onPressEnter={() => { if (!busy) void recharged(); }} maxLength={200} data-testid="recharge-ref" />
            <Button type="primary" icon={<CheckCircleOutlined />} loading={busy} onClick={recharged} data-testid="recharge-done">{t('content.recharged')}</Button>
          </Space.Compact>
        </div>
      )}

      {!filled && order.shippable && isStocked(kind) && (
        <div className="order-content-form">
          <div className="muted">{t(MANUAL_HINT[stockShape(kind) ?? 'code'], { need })}</div>
          <Input.TextArea
            rows={Math.min(Math.max(need, 2), 6)}
            value={manual}
            onChange={(e) => setManual(e.target.value)}
            className="mono"
            spellCheck={false}
            placeholder={t('content.manualPlaceholder')}
            data-testid="manual-items"
          />
          <div className="order-content-actions">
            <span className={lines.length === need ? 'muted' : 'text-warning'}>{t('content.manualCount', { given: lines.length, need })}</span>
            <Button type="primary" loading={busy} disabled={lines.length === 0} onClick={assign} data-testid="manual-assign">{t('content.manualAssign')}</Button>
          </div>
        </div>
      )}

      {!filled && order.shippable && product && !product.confirmed && (
        <Alert
          type="warning"
          showIcon
          title={t('content.unconfirmed')}
          action={<Button size="small" icon={<SettingOutlined />} onClick={() => onOpenProduct(product.skuKey, true)}>{t('content.setProduct')}</Button>}
        />
      )}

      {!filled && order.shippable && kind !== null && !isStocked(kind) && kind !== 'recharge' && (
        <div className="muted">{t('content.noStockKind')}</div>
      )}

      {error && <Alert type="error" showIcon title={errorText(error)} closable={{ onClose: () => setError(null) }} data-testid="content-error" />}

      {filled && (
        <div className="order-message-block">
          {text === null ? (
            <Button size="small" icon={<MessageOutlined />} onClick={showMessage} loading={busy} data-testid="show-message">{t('content.showMessage')}</Button>
          ) : (
            <>
              <div className="order-message-head">
                <span className="strong">{t('content.message')}</span>
                <span className="muted">{t('content.messageRecorded')}</span>
                <span className="toolbar-spacer" />
                <Typography.Text copyable={{ text, tooltips: [t('content.copyMessage'), t('common.copied')] }} className="muted">{t('content.copyMessage')}</Typography.Text>
              </div>
              <pre className="order-message selectable" data-testid="order-message">{text}</pre>
            </>
          )}
        </div>
      )}

      <OrderRevealModal orderNo={revealing ? order.orderNo : null} onClose={() => setRevealing(false)} />
    </section>
  );
}
