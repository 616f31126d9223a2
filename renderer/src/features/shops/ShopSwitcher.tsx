/**
 * Shop select, each shop with its type (个人 / 企业); at the bottom of its list “新建店铺” (a small
 * dialog: name and type) and the current shop's type with a change to the other one, confirmed
 * first: travel goods are for enterprise shops only (seed §5(1)), and the shop is checked again.
 */
import { useState } from 'react';
import { App, Button, Divider, Form, Input, Modal, Radio, Select, type ButtonProps } from 'antd';
import { PlusOutlined, ShopOutlined, SwapOutlined } from '@ant-design/icons';
import type { Shop, ShopType } from '../../../../shared/domain';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { useShops } from './ShopProvider';
import './shops.css';

const otherType = (type: ShopType): ShopType => (type === 'personal' ? 'enterprise' : 'personal');

export function ShopTypeTag({ type }: { type: ShopType }) {
  return <span className={`shop-type-tag shop-type-${type}`} data-testid="shop-type" data-type={type}>{t(`shop.type.${type}`)}</span>;
}

export function ShopSwitcher({ disabled }: { disabled?: boolean }) {
  const { message, modal } = App.useApp();
  const { shops, shopId: currentShopId, switchShop: onSwitch, addShop: onCreated, updateShop } = useShops();
  const [open, setOpen] = useState(false);
  const [listOpen, setListOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ name: string; type: ShopType }>();
  const current = shops.find((s) => s.id === currentShopId) ?? null;

  const submit = async () => {
    const { name, type } = await form.validateFields();
    setCreating(true);
    try {
      const shop = await call('shops.create', { name: name.trim(), type });
      message.success(t('shop.created', { name: shop.name }));
      setOpen(false);
      form.resetFields();
      onCreated(shop);
    } catch (e) {
      form.setFields([{ name: 'name', errors: [errorText(errorData(e))] }]);
    } finally {
      setCreating(false);
    }
  };

  const changeType = (shop: Shop) => {
    setListOpen(false);
    const type = otherType(shop.type);
    const typeName = t(`shop.typeOption.${type}`);
    modal.confirm({
      title: t('shop.typeConfirmTitle', { name: shop.name, type: typeName }),
      content: <div className="confirm-body">{t(type === 'enterprise' ? 'shop.typeConfirmEnterprise' : 'shop.typeConfirmPersonal')}</div>,
      okText: t('shop.typeChangeTo', { type: typeName }),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'shop-type-confirm' } as ButtonProps,
      width: 460,
      onOk: async () => {
        try {
          const saved = await call('shops.setType', { shopId: shop.id, type });
          updateShop(saved);
          message.success(t('shop.typeChanged', { name: saved.name, type: t(`shop.typeOption.${saved.type}`) }));
        } catch (e) {
          message.error(errorText(errorData(e)));
        }
      },
    });
  };

  return (
    <>
      <Select<number>
        className="shop-select"
        data-testid="shop-select"
        value={currentShopId ?? undefined}
        placeholder={t('shop.placeholder')}
        onChange={onSwitch}
        open={listOpen}
        onOpenChange={setListOpen}
        disabled={disabled}
        prefix={<ShopOutlined />}
        options={shops.map((s) => ({
          value: s.id,
          title: s.name,
          label: <span className="shop-option"><span className="shop-option-name">{s.name}</span><ShopTypeTag type={s.type} /></span>,
        }))}
        style={{ width: 260 }}
        popupRender={(menu) => (
          <>
            {menu}
            <Divider style={{ margin: '4px 0' }} />
            <Button type="text" block icon={<PlusOutlined />} className="shop-menu-btn" onClick={() => { setListOpen(false); setOpen(true); }} data-testid="shop-create">
              {t('shop.create')}
            </Button>
            {current && (
              <Button type="text" block icon={<SwapOutlined />} className="shop-menu-btn" onClick={() => changeType(current)} data-testid="shop-type-change">
                <span>{t('shop.typeMenu', { type: t(`shop.type.${current.type}`) })}</span>
                <span className="shop-type-change-to">{t('shop.typeChangeTo', { type: t(`shop.type.${otherType(current.type)}`) })}</span>
              </Button>
            )}
          </>
        )}
      />
      <Modal
        title={t('shop.createTitle')}
        open={open}
        onOk={submit}
        onCancel={() => setOpen(false)}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={creating}
        destroyOnHidden
        focusable={{ focusTriggerAfterClose: false }}
        width={420}
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ type: 'personal' }}>
          <Form.Item
            name="name"
            label={t('shop.nameLabel')}
            rules={[{ required: true, whitespace: true, message: t('shop.nameRequired') }]}
          >
            <Input autoFocus maxLength={60} placeholder={t('shop.namePlaceholder')} data-testid="shop-name" />
          </Form.Item>
          <Form.Item name="type" label={t('shop.typeLabel')} extra={t('shop.typeHint')}>
            <Radio.Group data-testid="shop-type-radio">
              <Radio value="personal" data-testid="shop-type-personal">{t('shop.typeOption.personal')}</Radio>
              <Radio value="enterprise" data-testid="shop-type-enterprise">{t('shop.typeOption.enterprise')}</Radio>
            </Radio.Group>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
