import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** Ctrl+O: the renderer opens its import flow on the 'menu.import' event. */
  importOrders(): void;
  openDataFolder(): void;
  showAbout(): void;
  /** Developer tools only in a development run, never in the installed app. */
  devTools: boolean;
}

/** The application menu, in Chinese, kept to what a merchant needs. */
export function buildMenu(actions: MenuActions): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件(&F)',
      submenu: [
        { label: '导入订单…', accelerator: 'CmdOrCtrl+O', click: () => actions.importOrders() },
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        { label: '重新加载', role: 'reload' },
        ...(actions.devTools ? [{ label: '开发者工具', role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [{ label: '关于 VShip', click: () => actions.showAbout() }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
