/**
 * Edit one product: how it is delivered and the terms the platform rules check (rental and whether
 * the account is fully bindable, validity, fulfilment, what a top-up goes to, region, brand
 * approval, ship promise, items per unit, minimum validity), the low-stock line and the delivery
 * message template (checked live for diversion). Saving confirms the product. The rule findings of
 * the saved terms are listed on top, with 放行 for the whole product.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Divider, Drawer, Form, Input, InputNumber, Radio, Select, Space, Switch, Tooltip } from 'antd';
import { DELIVERY_KINDS, type DeliveryKind, type Order, type Product, type ProductTerms } from '../../../../shared/domain';
import { intParam } from '../../../../shared/rules/platform/catalogue';
import { PROVINCES } from '../../../../shared/rules/suggest';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { kindLabel, suggestWhyText, t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { FindingsList, useRules } from '../findings';
import { checkTemplateNow, MessageTemplateEditor, useTemplateCheck } from '../messages';
import { useShop } from '../shops';
import { isStocked } from '../stock';
import { usesValidity } from './kinds';
import { skuCodeOf, skuKeyFallbackId, skuKeyLabel } from './sku-key';
import '../../ui/product-name.css';
import './editor.css';

type ValidityMode = 'none' | 'days' | 'until';
type ShipMode = 'default' | '24' | '48' | 'days';
/** What a top-up goes to; '' = read from the title. */
type RechargeTarget = NonNullable<ProductTerms['rechargeTarget']> | '';
const RECHARGE_TARGETS: NonNullable<ProductTerms['rechargeTarget']>[] = ['mobile', 'qq', 'any'];

interface FormValues {
  kind?: DeliveryKind;
  rentalDays?: number | null;
  fullyBindable?: boolean;
  rechargeTarget?: RechargeTarget;
  validityMode: ValidityMode;
  validDays?: number | null;
  validUntil?: string;
  fulfilDays?: number | null;
  region?: string[];
  brandApproved?: boolean;
  shipMode: ShipMode;
  shipDays?: number | null;
  itemsPerUnit?: number | null;
  minValidityDays?: number | null;
  lowStock?: number | null;
  messageTemplate?: string;
}

function toForm(p: Product): FormValues {
  const x = p.terms;
  return {
    kind: p.kind ?? undefined,
    rentalDays: x.rentalDays ?? null,
    fullyBindable: x.fullyBindable ?? false,
    rechargeTarget: x.rechargeTarget ?? '',
    validityMode: x.validUntil ? 'until' : x.validDays ? 'days' : 'none',
    validDays: x.validDays ?? null,
    validUntil: x.validUntil ?? '',
    fulfilDays: x.fulfilDays ?? null,
    region: x.region ?? [],
    brandApproved: x.brandApproved ?? false,
    shipMode: x.shipHours ? (String(x.shipHours) as ShipMode) : x.shipDays ? 'days' : 'default',
    shipDays: x.shipDays ?? null,
    itemsPerUnit: x.itemsPerUnit ?? null,
    minValidityDays: x.minValidityDays ?? null,
    lowStock: p.lowStock || null,
    messageTemplate: x.messageTemplate ?? '',
  };
}

/** The terms that apply to the chosen kind; fields of other kinds are dropped, empty ones left out. */
function toTerms(v: FormValues): ProductTerms {
  const kind = v.kind ?? null;
  const terms: ProductTerms = {};
  const num = (n: number | null | undefined) => (typeof n === 'number' && n > 0 ? n : undefined);
  if (kind === 'account') terms.rentalDays = num(v.rentalDays);
  if (kind === 'account' && v.fullyBindable) terms.fullyBindable = true;
  if (kind === 'recharge' && v.rechargeTarget) terms.rechargeTarget = v.rechargeTarget;
  if (usesValidity(kind)) {
    if (v.validityMode === 'days') terms.validDays = num(v.validDays);
    if (v.validityMode === 'until' && v.validUntil) terms.validUntil = v.validUntil;
  }
  if (kind === 'service' || kind === 'travel') terms.fulfilDays = num(v.fulfilDays);
  if (v.region?.length) terms.region = v.region;
  if (kind === 'stored-value' && v.brandApproved) terms.brandApproved = true;
  if (v.shipMode === '24' || v.shipMode === '48') terms.shipHours = Number(v.shipMode) as 24 | 48;
  if (v.shipMode === 'days') terms.shipDays = num(v.shipDays);
  if (isStocked(kind)) {
    terms.itemsPerUnit = num(v.itemsPerUnit);
    terms.minValidityDays = num(v.minValidityDays);
  }
  if (v.messageTemplate?.trim()) terms.messageTemplate = v.messageTemplate;
  for (const k of Object.keys(terms) as (keyof ProductTerms)[]) if (terms[k] === undefined) delete terms[k];
  return terms;
}

const KIND_OPTIONS = (Object.keys(DELIVERY_KINDS) as DeliveryKind[]).map((k) => ({ value: k, label: kindLabel(k) }));
const PROVINCE_OPTIONS = PROVINCES.map((p) => ({ value: p, label: p }));

interface EditorProps {
  product: Product | null;
  onClose: () => void;
  onSaved: (p: Product) => void;
}

/**
 * One form per product: opening another product starts from its saved values, a refresh of the
 * same one keeps the edits in progress, and the last product stays shown while the drawer closes.
 */
export function ProductEditor(props: EditorProps) {
  const sku = props.product?.skuKey ?? null;
  const [shown, setShown] = useState<{ sku: string | null; session: number; product: Product | null }>({ sku: null, session: 0, product: null });
  if (sku !== shown.sku) {
    // Opened or switched: a new session (fresh form). Closed: keep the product for the animation.
    setShown({ sku, session: sku !== null ? shown.session + 1 : shown.session, product: props.product ?? shown.product });
  } else if (props.product && props.product !== shown.product) {
    setShown({ ...shown, product: props.product });
  }
  return <EditorDrawer key={shown.session} {...props} product={shown.product} open={props.product !== null} />;
}

function EditorDrawer({ product, open, onClose, onSaved }: EditorProps & { open: boolean }) {
  const { message } = App.useApp();
  const { shopId } = useShop();
  const { params } = useRules();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<{ template: string; error: AppErrorData } | null>(null);
  const [order, setOrder] = useState<Order | null>(null);
  const skuKey = product?.skuKey ?? null;

  useEffect(() => {
    if (!skuKey) return;
    let live = true;
    call('orders.list', { shopId, skuKey, filter: 'shippable', limit: 1 })
      .then((r) => live && setOrder(r.rows[0] ?? null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [shopId, skuKey]);

  const values = Form.useWatch([], form) as FormValues | undefined;
  const kind = values?.kind ?? null;
  const previewTerms = useMemo(() => (values ? toTerms(values) : {}), [values]);
  const template = values?.messageTemplate ?? '';
  const check = useTemplateCheck(template);
  const templateBlocked = check.hit?.severity === 'block';
  const maxRental = intParam(params, 'RENTAL_MAX_DAYS', 'maxDays');
  const maxStored = intParam(params, 'STORED_VALUE_MAX_DAYS', 'maxDays');

  const save = async () => {
    if (!product) return;
    const v = await form.validateFields();
    // The debounced check may lag the last keystroke: check the text as it is now.
    if (v.messageTemplate && checkTemplateNow(v.messageTemplate, params).hit?.severity === 'block') return;
    setSaving(true);
    try {
      const saved = await call('products.set', {
        shopId,
        skuKey: product.skuKey,
        kind: v.kind,
        terms: toTerms(v),
        replaceTerms: true,
        lowStock: isStocked(v.kind ?? null) ? v.lowStock ?? 0 : undefined,
      });
      message.success(t('editor.saved', { title: saved.title }));
      onSaved(saved);
    } catch (e) {
      const error = errorData(e);
      if (error.code === 'TEMPLATE_DIVERSION') setRefused({ template: v.messageTemplate ?? '', error });
      message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  const stocked = isStocked(kind);
  return (
    <Drawer
      open={open && product !== null}
      onClose={onClose}
      size={640}
      title={t('editor.title')}
      destroyOnHidden
      data-testid="product-editor"
      footer={
        <div className="drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Tooltip title={templateBlocked ? t('editor.saveBlocked') : undefined}>
            <Button type="primary" loading={saving} disabled={templateBlocked} onClick={save} data-testid="product-save">{t('editor.save')}</Button>
          </Tooltip>
        </div>
      }
    >
      {product && (
        <>
          <div className="editor-product">
            <div className="product-title">{product.title}</div>
            <div className="product-spec">
              {product.spec} · {skuCodeOf(product.skuKey) !== null
                ? <span className="mono selectable">{skuCodeOf(product.skuKey)}</span>
                : <span className="muted" title={skuKeyFallbackId(product.skuKey) ?? undefined}>{skuKeyLabel(product.skuKey)}</span>}
            </div>
          </div>
          {!product.confirmed && (
            <Alert
              className="editor-suggestion"
              type="info"
              showIcon
              title={product.suggestion.kind ? t('editor.suggestion', { kind: kindLabel(product.suggestion.kind) }) : t('editor.noSuggestion')}
              description={product.suggestion.why.length > 0 && <ul className="why-list">{product.suggestion.why.map((w, i) => <li key={`${w.code}-${i}`}>{suggestWhyText(w)}</li>)}</ul>}
            />
          )}
          {product.findings.length > 0 && (
            <div className="editor-findings">
              <FindingsList findings={product.findings} subject={{ skuKey: product.skuKey }} />
              <div className="muted editor-findings-note">{t('findings.savedTerms')}</div>
            </div>
          )}
          <Form<FormValues> form={form} initialValues={toForm(product)} layout="horizontal" labelCol={{ flex: '128px' }} labelWrap colon={false} className="editor-form" requiredMark={false}>
            <Form.Item name="kind" label={t('editor.kind')} rules={[{ required: true, message: t('editor.kindRequired') }]}>
              <Select options={KIND_OPTIONS} placeholder={t('editor.kindPlaceholder')} data-testid="product-kind-select" />
            </Form.Item>

            <Divider titlePlacement="start" className="editor-divider">{t('editor.terms')}</Divider>
            {kind === 'account' && (
              <Form.Item name="rentalDays" label={t('editor.rentalDays')} extra={t('editor.rentalDaysHint')}
                rules={[{ required: true, message: t('editor.rentalDaysRequired') }]}>
                <InputNumber min={1} max={3650} precision={0} suffix={t('editor.days')} style={{ width: 160 }} data-testid="rental-days" />
              </Form.Item>
            )}
            {kind === 'account' && (
              <Form.Item name="fullyBindable" label=" " valuePropName="checked" extra={t('editor.fullyBindableHint', { max: maxRental })}>
                <Checkbox data-testid="fully-bindable">{t('editor.fullyBindable', { max: maxRental })}</Checkbox>
              </Form.Item>
            )}
            {kind === 'recharge' && (
              <Form.Item name="rechargeTarget" label={t('editor.rechargeTarget')} extra={t('editor.rechargeTargetHint')}>
                <Select<RechargeTarget>
                  style={{ width: 200 }}
                  options={[
                    { value: '', label: t('editor.rechargeTargetAuto') },
                    ...RECHARGE_TARGETS.map((r) => ({ value: r, label: t(`editor.rechargeTarget.${r}`) })),
                  ]}
                  data-testid="recharge-target"
                />
              </Form.Item>
            )}
            {usesValidity(kind) && (
              <Form.Item label={t('editor.validity')}>
                <Space size={8} wrap>
                  <Form.Item name="validityMode" noStyle>
                    <Radio.Group
                      optionType="button"
                      options={[
                        { value: 'none', label: t('editor.validity.none') },
                        { value: 'days', label: t('editor.validity.days') },
                        { value: 'until', label: t('editor.validity.until') },
                      ]}
                    />
                  </Form.Item>
                  {values?.validityMode === 'days' && (
                    <Form.Item name="validDays" noStyle>
                      <InputNumber min={1} max={3650} precision={0} suffix={t('editor.days')} style={{ width: 130 }} />
                    </Form.Item>
                  )}
                  {values?.validityMode === 'until' && (
                    <Form.Item name="validUntil" noStyle>
                      <Input type="date" style={{ width: 160 }} />
                    </Form.Item>
                  )}
                </Space>
              </Form.Item>
            )}
            {(kind === 'service' || kind === 'travel') && (
              <Form.Item name="fulfilDays" label={t('editor.fulfilDays')} extra={t('editor.fulfilDaysHint')}>
                <InputNumber min={1} max={3650} precision={0} suffix={t('editor.days')} style={{ width: 160 }} />
              </Form.Item>
            )}
            {kind === 'stored-value' && (
              <Form.Item name="brandApproved" label={t('editor.brandApproved')} valuePropName="checked" extra={t('editor.brandApprovedHint', { max: maxStored })}>
                <Switch data-testid="brand-approved" />
              </Form.Item>
            )}
            <Form.Item name="region" label={t('editor.region')} extra={t('editor.regionHint')}>
              <Select mode="multiple" allowClear options={PROVINCE_OPTIONS} placeholder={t('editor.regionPlaceholder')} maxTagCount="responsive" data-testid="region-select" />
            </Form.Item>
            <Form.Item label={t('editor.ship')}>
              <Space size={8} wrap>
                <Form.Item name="shipMode" noStyle>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'default', label: t('editor.ship.default') },
                      { value: '24', label: t('editor.ship.h24') },
                      { value: '48', label: t('editor.ship.h48') },
                      { value: 'days', label: t('editor.ship.days') },
                    ]}
                  />
                </Form.Item>
                {values?.shipMode === 'days' && (
                  <Form.Item name="shipDays" noStyle>
                    <InputNumber min={1} max={3650} precision={0} suffix={t('editor.days')} style={{ width: 130 }} />
                  </Form.Item>
                )}
              </Space>
            </Form.Item>

            {stocked && (
              <>
                <Divider titlePlacement="start" className="editor-divider">{t('editor.stock')}</Divider>
                <Form.Item name="itemsPerUnit" label={t('editor.itemsPerUnit')} extra={t('editor.itemsPerUnitHint')}>
                  <InputNumber min={1} max={100} precision={0} placeholder="1" suffix={t('editor.perUnit')} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name="minValidityDays" label={t('editor.minValidityDays')} extra={t('editor.minValidityDaysHint')}>
                  <InputNumber min={0} max={3650} precision={0} suffix={t('editor.days')} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name="lowStock" label={t('editor.lowStock')} extra={t('editor.lowStockHint')}>
                  <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 160 }} data-testid="low-stock" />
                </Form.Item>
              </>
            )}

            <Divider titlePlacement="start" className="editor-divider">{t('editor.message')}</Divider>
            <Form.Item name="messageTemplate" wrapperCol={{ span: 24 }}>
              <MessageTemplateEditor
                kind={kind}
                terms={previewTerms}
                order={order}
                fallbackOrder={{ orderNo: t('template.sample.orderNo'), productName: product.title, spec: product.spec, quantity: 1, rechargeNo: t('template.sample.rechargeNo') }}
                check={check}
                refused={refused && refused.template === template ? refused.error : null}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}
