import { Type, type Static } from 'typebox';
import { HttpUrl, Key, Nullable, Uuid } from './common.js';

const settingsProperties = {
  /** Flow for tokens that do not name one. */
  defaultFlow: Nullable(Uuid),
  /** Theme for tokens that do not name one. */
  defaultTheme: Nullable(Uuid),
  /** Questionnaire key for tokens that neither name one nor use a flow. */
  defaultQuestionnaire: Nullable(Key()),
  /** iDenfy's dashboard setting "Status on submit". */
  statusOnSubmit: Type.Union([Type.Literal('NEED_TO_REVIEW'), Type.Literal('NEED_TO_PROCESS')]),
  /** Where the hosted form sends the client after a successful submit; null: stay on the done page. */
  submitRedirectUrl: Nullable(HttpUrl()),
};

export const PartnerSettings = Type.Object(settingsProperties, { title: 'PartnerSettings' });
export type PartnerSettings = Static<typeof PartnerSettings>;

export const PartnerSettingsPatch = Type.Partial(Type.Object(settingsProperties, { additionalProperties: false }), {
  additionalProperties: false,
  title: 'PartnerSettingsPatch',
});
export type PartnerSettingsPatch = Static<typeof PartnerSettingsPatch>;
