import type * as Wire from '../../../../src/shared/settings-wire.js';
import type { Client } from '../api/client.js';

export type * from '../../../../src/shared/settings-wire.js';

const id = (value: string) => encodeURIComponent(value);

/** One catalog (flows, themes, questionnaires): the same five calls on its own path. */
function catalog<T, In>(client: Client, path: string) {
  return {
    list: () => client.request<T[]>('GET', path),
    create: (body: In) => client.request<T>('POST', path, body),
    replace: (entryId: string, body: In) => client.request<T>('PUT', `${path}${id(entryId)}/`, body),
    remove: (entryId: string) => client.request<void>('DELETE', `${path}${id(entryId)}/`),
  };
}

/** The admin API the settings pages call: the same routes partners' backends use. */
export function settingsApi(client: Client) {
  return {
    flows: catalog<Wire.Flow, Wire.FlowInput>(client, '/v1/flows/'),
    themes: catalog<Wire.Theme, Wire.ThemeInput>(client, '/v1/themes/'),
    /** Stores a logo image (a data: URL) on this server; its answer's url goes into a theme's logo. */
    uploadThemeLogo: (file: string) => client.request<Wire.ThemeLogo>('POST', '/v1/theme-logos/', { file }),
    questionnaires: catalog<Wire.Questionnaire, Wire.QuestionnaireInput>(client, '/v1/questionnaires/'),

    webhooks: () => client.request<Wire.Webhook[]>('GET', '/v1/webhooks/'),
    createWebhook: (body: Wire.WebhookInput) => client.request<Wire.WebhookWithKey>('POST', '/v1/webhooks/', body),
    updateWebhook: (webhookId: string, body: Wire.WebhookPatch) => client.request<Wire.Webhook>('PATCH', `/v1/webhooks/${id(webhookId)}/`, body),
    deleteWebhook: (webhookId: string) => client.request<void>('DELETE', `/v1/webhooks/${id(webhookId)}/`),
    testWebhook: (webhookId: string) => client.request<Wire.WebhookDelivery>('POST', `/v1/webhooks/${id(webhookId)}/test/`),
    deliveries: () => client.request<Wire.WebhookDeliveryPage>('GET', '/v1/webhooks/deliveries/?limit=50'),
    delivery: (deliveryId: string) => client.request<Wire.WebhookDeliveryDetail>('GET', `/v1/webhooks/deliveries/${id(deliveryId)}/`),
    resend: (deliveryId: string) => client.request<Wire.WebhookDelivery>('POST', `/v1/webhooks/deliveries/${id(deliveryId)}/resend/`),

    apiKeys: () => client.request<{ results: Wire.ApiKey[] }>('GET', '/v1/api-keys/'),
    createApiKey: (label: string | null) => client.request<Wire.ApiKeyCreated>('POST', '/v1/api-keys/', { label }),
    revokeApiKey: (keyId: string) => client.request<void>('POST', `/v1/api-keys/${id(keyId)}/revoke/`),

    riskModel: () => client.request<Wire.RiskModel>('GET', '/v1/risk-model/'),
    saveRiskModel: (model: Wire.RiskModel) => client.request<Wire.RiskModel>('PUT', '/v1/risk-model/', model),

    screeningLists: () => client.request<Wire.ScreeningLists>('GET', '/v1/screening/lists/'),

    startTotp: () => client.request<{ secret: string; otpauthUrl: string }>('POST', '/v1/auth/totp/'),
    confirmTotp: (code: string) => client.request<{ recoveryCodes: string[] }>('POST', '/v1/auth/totp/confirm/', { code }),
    disableTotp: (code: string) => client.request<void>('DELETE', '/v1/auth/totp/', { code }),
  };
}
export type SettingsApi = ReturnType<typeof settingsApi>;
