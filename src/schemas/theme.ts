import { Type, type Static } from 'typebox';
import { THEME_COLORS } from '../shared/enums.js';
import { boundedBy, HEX_COLOR_PATTERN, HttpUrl, Nullable, Timestamps, Uuid } from './common.js';

const Color = Nullable(Type.String({ maxLength: 25, pattern: HEX_COLOR_PATTERN }));

export const ThemeColor = Type.Object(
  Object.fromEntries(THEME_COLORS.map((name) => [name, Type.Optional(Color)])) as {
    [K in (typeof THEME_COLORS)[number]]: ReturnType<typeof Type.Optional<typeof Color>>;
  },
  { additionalProperties: false, title: 'ThemeColor' },
);

/** iDenfy's ThemeCore: what `GET /kyb/info/` returns as `theme`. */
const themeCoreProperties = {
  companyName: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
  logo: Type.Optional(Nullable(HttpUrl())),
  font: Type.Optional(Nullable(HttpUrl())),
  colors: Type.Optional(ThemeColor),
  supportEmail: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 100 }))),
};

export const ThemeCore = Type.Object(themeCoreProperties, { additionalProperties: false, title: 'ThemeCore' });
export type ThemeCore = Static<typeof ThemeCore>;

export const ThemeInput = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), ...themeCoreProperties },
  { additionalProperties: false, title: 'ThemeInput' },
);
export type ThemeInput = Static<typeof ThemeInput>;

export const Theme = Type.Object({ id: Uuid, name: Type.String(), ...themeCoreProperties, ...Timestamps }, { title: 'Theme' });
export type Theme = Static<typeof Theme>;

/** A theme logo upload: the image itself, base64 (a data: URL prefix is allowed). */
export const ThemeLogoUpload = Type.Object(
  {
    file: Type.String({
      minLength: 1,
      description: 'Base64 image: PNG, JPEG or WebP, decided by its content (SVG is refused), at most 512 KB once decoded.',
      ...boundedBy('512 KB once decoded, and the route body limit'),
    }),
  },
  { additionalProperties: false, title: 'ThemeLogoUpload' },
);

/** An uploaded logo: `url` is what a theme's `logo` takes. */
export const ThemeLogo = Type.Object({ url: HttpUrl(), mime: Type.String(), size: Type.Integer({ minimum: 1 }) }, { title: 'ThemeLogo' });
export type ThemeLogo = Static<typeof ThemeLogo>;
