import { describe, expect, it } from 'vitest';
import { THEME_COLORS } from '../../../src/shared/enums.js';
import { applyTheme, DEFAULT_COLORS, luminance, readableOn } from './apply-theme.js';

/** A stand-in root element: applyTheme only sets CSS custom properties on it. */
function fakeRoot() {
  const properties = new Map<string, string>();
  return { properties, element: { style: { setProperty: (name: string, value: string) => properties.set(name, value) } } as unknown as HTMLElement };
}

describe('applyTheme', () => {
  it('turns all 18 theme colours into CSS variables, each overriding its default', () => {
    const colors = Object.fromEntries(THEME_COLORS.map((name, i) => [name, `#${String(i).padStart(2, '0')}aabb`]));
    const root = fakeRoot();
    applyTheme({ colors }, root.element);
    expect(THEME_COLORS).toHaveLength(18);
    expect(root.properties.get('--color-primary')).toBe(colors.primary);
    expect(root.properties.get('--color-primary-background')).toBe(colors.primaryBackground);
    expect(root.properties.get('--color-disabled-button-typography')).toBe(colors.disabledButtonTypography);
    for (const name of THEME_COLORS) expect([...root.properties.values()]).toContain(colors[name]);
  });

  it('falls back to the neutral palette for a missing theme or a null colour', () => {
    const root = fakeRoot();
    applyTheme({ colors: { primary: null, error: '#f00' } }, root.element);
    expect(root.properties.get('--color-primary')).toBe(DEFAULT_COLORS.primary);
    expect(root.properties.get('--color-error')).toBe('#f00');
    const bare = fakeRoot();
    applyTheme(null, bare.element);
    expect(bare.properties.get('--color-typography')).toBe(DEFAULT_COLORS.typography);
  });

  it('keeps button text readable on any primary colour', () => {
    expect(readableOn('#123456')).toBe('#ffffff');
    expect(readableOn('#ffee00')).toBe('#000000');
    expect(readableOn('#fff')).toBe('#000000');
    expect(luminance('#000000')).toBe(0);
  });

  it('ships a default palette whose text and buttons pass WCAG AA contrast', () => {
    const contrast = (a: string, b: string) => {
      const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (l1! + 0.05) / (l2! + 0.05);
    };
    expect(contrast(DEFAULT_COLORS.typography, DEFAULT_COLORS.primaryBackground)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(readableOn(DEFAULT_COLORS.primary), DEFAULT_COLORS.primary)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(DEFAULT_COLORS.error, DEFAULT_COLORS.errorBackground)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(DEFAULT_COLORS.disabledButtonTypography, DEFAULT_COLORS.disabledButton)).toBeGreaterThanOrEqual(4.5);
  });
});
