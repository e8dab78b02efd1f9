import type { Theme, ThemeInput } from '../../schemas/theme.js';
import { readSettings } from '../partners/settings.js';
import { inUse } from './entries.js';
import { iso, type CatalogKind } from './kind.js';

export const themes: CatalogKind<ThemeInput, Theme> = {
  table: 'themes',
  label: 'Theme',
  async prepare(_db, _ctx, input) {
    const { name, ...core } = input;
    return { name, definition: core, columns: {} };
  },
  async present(_db, rows) {
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      ...(JSON.parse(row.definition) as Omit<ThemeInput, 'name'>),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    }));
  },
  async checkDelete(db, ctx, id) {
    const settings = await readSettings(db, ctx.partnerId);
    if (settings.defaultThemeId === id) throw inUse('This theme is the default theme; choose another default first.');
  },
};
