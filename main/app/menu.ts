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
      // Standard edit roles: keyboard copy/paste (pasting codes from Excel) works in every field.
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
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
