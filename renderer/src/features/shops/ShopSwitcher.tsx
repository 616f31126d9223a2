/** Shop select with “新建店铺” at the bottom of its list (opens a small name dialog). */
import { useState } from 'react';
import { App, Button, Divider, Form, Input, Modal, Select } from 'antd';
import { PlusOutlined, ShopOutlined } from '@ant-design/icons';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { useShops } from './ShopProvider';
import './shops.css';

export function ShopSwitcher({ disabled }: { disabled?: boolean }) {
  const { message } = App.useApp();
  const { shops, shopId: currentShopId, switchShop: onSwitch, addShop: onCreated } = useShops();
  const [open, setOpen] = useState(false);
  const [listOpen, setListOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  const submit = async () => {
    const { name } = await form.validateFields();
    setCreating(true);
    try {
      const shop = await call('shops.create', { name: name.trim() });
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
        options={shops.map((s) => ({ value: s.id, label: s.name }))}
        style={{ width: 240 }}
        popupRender={(menu) => (
          <>
            {menu}
            <Divider style={{ margin: '4px 0' }} />
            <Button type="text" block icon={<PlusOutlined />} className="shop-create-btn" onClick={() => { setListOpen(false); setOpen(true); }} data-testid="shop-create">
              {t('shop.create')}
            </Button>
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
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            name="name"
            label={t('shop.nameLabel')}
            rules={[{ required: true, whitespace: true, message: t('shop.nameRequired') }]}
          >
            <Input autoFocus maxLength={60} placeholder={t('shop.namePlaceholder')} data-testid="shop-name" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
