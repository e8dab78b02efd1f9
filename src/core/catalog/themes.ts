import type { Theme, ThemeInput } from '../../schemas/theme.js';
import { presentEntry, type CatalogKind } from './kind.js';

export const themes: CatalogKind<ThemeInput, Theme> = {
  table: 'themes',
  label: 'Theme',
  async prepare(_db, _ctx, input) {
    const { name, ...core } = input;
    return { name, definition: core, columns: {} };
  },
  async present(_db, rows) {
    return rows.map((row) => presentEntry<Omit<ThemeInput, 'name'>, object>(row, {}));
  },
  defaultSetting: 'defaultThemeId',
};
