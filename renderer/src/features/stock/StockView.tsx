/**
 * One product's stock (卡库): levels, the import (drop a file anywhere on the window, pick one or
 * paste text) with its result, the batches with their actions, the items (masked), and for
 * account products when each account frees up.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Tabs } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import type { DeliveryKind, Product, StockBatch } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { kindLabel, kindShort, t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { toFilePayloads } from '../../lib/files/payload';
import { useShop } from '../shops';
import { StockLevels } from './StockLevels';
import { StockImportBox, type StockImportOptions } from './StockImportBox';
import { StockImportResultPanel, type StockImportOutcome } from './StockImportResultPanel';
import { StockBatchesTable } from './StockBatchesTable';
import { StockItemsTable } from './StockItemsTable';
import { AccountRentals } from './AccountRentals';
import { StockQuestionDialog, suggestedKind, type StockQuestion } from './StockQuestionDialog';
import '../../ui/product-name.css';
import './stock.css';

type ImportInput = { file: File } | { text: string };

export function StockView({ product, products, onBack, onEdit, confirmAction, registerDrop, onImportOrders }: {
  product: Product;
  /** The shop's products: where a batch may move to. */
  products: Product[];
  onBack: () => void;
  onEdit: () => void;
  /** Confirming the suggested kind, shown while the product is unconfirmed (the products list's cell). */
  confirmAction: ReactNode;
  /** Takes over the window-wide file drop while this view is shown. */
  registerDrop: (handler: ((files: File[]) => void) | null) => void;
  /** Imports files as orders (the window's order import, which shows the 订单 page). */
  onImportOrders: (files: File[]) => void;
}) {
  const { message } = App.useApp();
  const { shopId, changed: onChanged, version } = useShop();
  const skuKey = product.skuKey;
  const [options, setOptions] = useState<StockImportOptions>({ sep: 'auto', expiresAt: '' });
  const [importing, setImporting] = useState(false);
  const [outcome, setOutcome] = useState<StockImportOutcome | null>(null);
  const [batches, setBatches] = useState<StockBatch[] | null>(null);
  const [batchesError, setBatchesError] = useState<AppErrorData | null>(null);
  const [question, setQuestion] = useState<{ q: StockQuestion; input: ImportInput } | null>(null);
  const [answering, setAnswering] = useState(false);

  useEffect(() => {
    let live = true;
    call('stock.batches', { shopId, skuKey })
      .then((b) => {
        if (!live) return;
        setBatches(b);
        setBatchesError(null);
      })
      .catch((e: unknown) => live && setBatchesError(errorData(e)));
    return () => {
      live = false;
    };
  }, [shopId, skuKey, version]);

  const runImport = useCallback(async (input: ImportInput) => {
    if (importing) {
      message.warning(t('stockImport.busy'));
      return;
    }
    const source = 'file' in input ? input.file.name : t('stockImport.pasted');
    setImporting(true);
    setOutcome(null);
    try {
      const file = 'file' in input ? (await toFilePayloads([input.file]))[0] : undefined;
      const result = await call('stock.import', {
        shopId,
        skuKey,
        ...(file ? { file } : { text: (input as { text: string }).text }),
        sep: options.sep === 'auto' ? undefined : options.sep,
        expiresAt: options.expiresAt || undefined,
      });
      setOutcome({ source, result });
      if (result.added > 0) onChanged();
    } catch (e) {
      const error = errorData(e);
      const to = error.code === 'STOCK_SHAPE_MISMATCH' ? suggestedKind(error) : null;
      if (error.code === 'STOCK_IS_ORDER_EXPORT') {
        // An export with its header can go to the orders import as it is (pasted text as a .csv of it).
        const hasHeader = error.notes?.some((n) => n.key === 'ORDER_HEADER') ?? false;
        const file = !hasHeader ? null : 'file' in input ? input.file : new File([input.text], `${t('stockImport.pasted')}.csv`, { type: 'text/csv' });
        setQuestion({ q: { kind: 'orders', source, error, file }, input });
      } else if (to) {
        setQuestion({ q: { kind: 'shape', source, error, from: product.kind, to }, input });
      } else {
        setOutcome({ source, error });
      }
    } finally {
      setImporting(false);
    }
  }, [importing, message, shopId, skuKey, options, onChanged, product.kind]);

  const closeQuestion = useCallback(() => {
    // Cancelled: the refusal stays on the page, so the merchant still sees why nothing was imported.
    if (question) setOutcome({ source: question.q.source, error: question.q.error });
    setQuestion(null);
  }, [question]);

  const importAsOrders = useCallback((file: File) => {
    setQuestion(null);
    onImportOrders([file]);
  }, [onImportOrders]);

  const changeKind = useCallback(async (kind: DeliveryKind) => {
    if (!question) return;
    setAnswering(true);
    try {
      await call('products.set', { shopId, skuKey, kind });
      message.success(t('stockQuestion.kindChanged', { kind: kindShort(kind) }));
      onChanged();
      const input = question.input;
      setQuestion(null);
      await runImport(input);
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setAnswering(false);
    }
  }, [question, shopId, skuKey, message, onChanged, runImport]);

  useEffect(() => {
    registerDrop((files) => {
      if (files.length > 1) message.warning(t('stockImport.oneFile', { name: files[0].name }));
      void runImport({ file: files[0] });
    });
    return () => registerDrop(null);
  }, [registerDrop, runImport, message]);

  return (
    <div className="stock-view" data-testid="stock-view" data-sku-key={skuKey}>
      <div className="stock-head">
        <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="stock-back">{t('stock.back')}</Button>
        <div className="stock-head-title">
          <div className="stock-title" title={product.title}>{product.title}</div>
          <div className="product-spec">
            {product.spec}
            <span className="mono stock-sku selectable">{skuKey}</span>
            {product.kind && <span>{kindLabel(product.kind)}</span>}
          </div>
        </div>
        <span className="toolbar-spacer" />
        {!product.confirmed && confirmAction}
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="stock-edit">{t('stock.editProduct')}</Button>
      </div>
      {!product.confirmed && <Alert type="warning" showIcon title={t('stock.unconfirmed')} />}
      <StockLevels product={product} />
      <StockImportBox
        kind={product.kind}
        importing={importing}
        options={options}
        onOptions={setOptions}
        onFile={(file) => void runImport({ file })}
        onText={(text) => void runImport({ text })}
      />
      {outcome && <StockImportResultPanel outcome={outcome} kind={product.kind} onClose={() => setOutcome(null)} />}
      <StockQuestionDialog
        question={question?.q ?? null}
        busy={answering}
        onImportOrders={importAsOrders}
        onChangeKind={(kind) => void changeKind(kind)}
        onClose={closeQuestion}
      />
      {batchesError && <Alert type="error" showIcon title={errorText(batchesError)} />}
      <Tabs
        className="stock-tabs"
        items={[
          {
            key: 'batches',
            label: t('stock.tab.batches', { count: batches?.length ?? 0 }),
            children: (
              <StockBatchesTable product={product} products={products} batches={batches ?? []} loading={batches === null} />
            ),
          },
          {
            key: 'items',
            label: t('stock.tab.items'),
            children: <StockItemsTable skuKey={skuKey} batches={batches ?? []} />,
          },
          ...(product.kind === 'account'
            ? [{ key: 'accounts', label: t('stock.tab.accounts'), children: <AccountRentals skuKey={skuKey} /> }]
            : []),
        ]}
      />
    </div>
  );
}
