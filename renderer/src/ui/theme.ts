/** antd's theme, from the design tokens (./tokens.ts) the stylesheets use too. */
import type { ThemeConfig } from 'antd';
import { colors, fonts } from './tokens';

export const theme: ThemeConfig = {
  token: {
    fontFamily: fonts.base,
    fontSize: 13,
    borderRadius: 4,
    colorPrimary: colors.primary,
    colorBgLayout: colors.bgLayout,
  },
  components: {
    Segmented: { itemSelectedColor: colors.primary },
    Table: { cellPaddingBlockSM: 6 },
  },
};
