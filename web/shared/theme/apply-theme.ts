import { THEME_COLORS } from '../../../src/shared/enums.js';
import type { ThemeCore } from '../../../src/shared/wire.js';

type ColorName = (typeof THEME_COLORS)[number];

/** A clean neutral palette for tokens without a theme; each contrast meets WCAG AA. */
export const DEFAULT_COLORS: Record<ColorName, string> = {
  primary: '#1d4ed8',
  secondary: '#475569',
  primaryBackground: '#f8fafc',
  secondaryBackground: '#ffffff',
  hoveredButton: '#1e3a8a',
  disabledIconButton: '#94a3b8',
  disabledButtonTypography: '#475569',
  disabledButton: '#e2e8f0',
  typography: '#0f172a',
  success: '#15803d',
  successBackground: '#f0fdf4',
  error: '#b91c1c',
  errorBackground: '#fef2f2',
  warning: '#92400e',
  warningBackground: '#fffbeb',
  info: '#1e40af',
  infoBackground: '#eff6ff',
  border: '#64748b',
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Every theme colour becomes a CSS variable (`--color-primary-background`, ...) that the style
 * sheet uses, so one place decides how a colour is applied. Set through the CSSOM, which the
 * page's Content-Security-Policy allows (it forbids inline style elements).
 */
export function applyTheme(theme: ThemeCore | null, root: HTMLElement = document.documentElement): void {
  const colors = { ...DEFAULT_COLORS };
  for (const name of THEME_COLORS) {
    const given = theme?.colors?.[name];
    if (given) colors[name] = given;
  }
  for (const name of THEME_COLORS) root.style.setProperty(`--color-${kebab(name)}`, colors[name]);
  // Text on a button must stay readable whatever primary colour a partner picks.
  root.style.setProperty('--color-on-primary', readableOn(colors.primary));
  root.style.setProperty('--color-on-hovered-button', readableOn(colors.hoveredButton));
  if (theme?.font) loadFont(theme.font);
}

function loadFont(url: string): void {
  if (typeof FontFace === 'undefined') return;
  const face = new FontFace('KybTheme', `url(${JSON.stringify(url)})`, { display: 'swap' });
  document.fonts.add(face);
  // A font that fails to load leaves the system font in place; nothing to tell the user.
  face.load().catch(() => document.fonts.delete(face));
}

/** Black or white, whichever contrasts more with the colour. */
export function readableOn(hex: string): string {
  const l = luminance(hex);
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

export function luminance(hex: string): number {
  let digits = hex.replace('#', '');
  if (digits.length === 3) digits = [...digits].map((d) => d + d).join('');
  const channel = (i: number) => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}
