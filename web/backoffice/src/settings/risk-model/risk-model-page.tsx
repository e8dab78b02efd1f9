import { useEffect, useState, type FormEvent } from 'react';
import { errorText } from '../../components/error-text.js';
import { NumberField } from '../fields.js';
import { formatDateTime } from '../../components/format.js';
import { useLoad, useTitle } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { DataTable, ErrorMessage, Panel, Saved, useAction, useSettingsApi } from '../common.js';
import type { RiskModel } from '../settings-api.js';

type Factors = RiskModel['factors'];
type WeightedFactor = Exclude<keyof Factors, 'questionnaire'>;
const FACTORS: WeightedFactor[] = [
  'companyCountry',
  'ownerCountries',
  'legalForm',
  'screening',
  'ownershipDepth',
  'ownershipOpacity',
  'missingUbos',
  'companyAge',
];
const LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] as const;
const FLOORS = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] as const;

/**
 * The risk model's weights, floors and level thresholds, edited in place; the rest (country
 * lists, questionnaire rules, per-factor details) is shown and sent back unchanged. The server
 * checks the whole model (thresholds strictly increasing) and re-assesses open cases.
 */
export default function RiskModelPage() {
  const { t, locale } = useI18n();
  const api = useSettingsApi();
  useTitle(t('risk.title'));
  const { result } = useLoad(() => api.riskModel(), 'risk-model');
  const [model, setModel] = useState<RiskModel | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  useEffect(() => {
    if (result.state === 'done') setModel(result.data);
  }, [result]);

  if (result.state === 'error') return <ErrorMessage error={errorText(t, result.error)} />;
  if (!model) return <p role="status">{t('app.loading')}</p>;

  const setFactor = (name: WeightedFactor, change: { weight?: number; floor?: RiskModel['factors']['screening']['floor'] }) =>
    setModel({ ...model, factors: { ...model.factors, [name]: { ...model.factors[name], ...change } } });
  const save = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    void action.run(async () => {
      const stored = await api.saveRiskModel(model);
      setModel(stored);
      setSaved(t('risk.saved', { version: stored.version }));
    });
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('risk.title')}</h1>
      <p className="muted">
        {model.isDefault
          ? t('risk.default')
          : t('risk.version', { version: model.version, at: model.updatedAt ? formatDateTime(locale, model.updatedAt) : '—' })}
      </p>
      <form onSubmit={save} noValidate>
        <Panel id="risk-levels" title={t('risk.levels')}>
          <p className="hint">{t('risk.levelsHint')}</p>
          <div className="field-row">
            {LEVELS.map((level) => (
              <NumberField
                key={level}
                id={`level-${level}`}
                label={t(`risk.level.${level}`)}
                min={1}
                max={100}
                value={model.levels[level]}
                // An emptied level stays empty (NaN, sent as null): the server refuses the model and says which level.
                onChange={(n) => setModel({ ...model, levels: { ...model.levels, [level]: n ?? Number.NaN } })}
              />
            ))}
          </div>
        </Panel>
        <Panel id="risk-factors" title={t('risk.factors')}>
          <DataTable caption={t('risk.factors')} columns={[t('risk.factor'), t('risk.weight'), t('risk.floor')]}>
            {FACTORS.map((name) => (
              <tr key={name}>
                <th scope="row" id={`factor-${name}`}>
                  {t(`risk.factor.${name}`)}
                </th>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={100}
                    step="any"
                    aria-label={t('risk.weightOf', { factor: t(`risk.factor.${name}`) })}
                    value={model.factors[name].weight}
                    onChange={(e) => setFactor(name, { weight: e.target.valueAsNumber })}
                  />
                </td>
                <td>
                  <select
                    aria-label={t('risk.floorOf', { factor: t(`risk.factor.${name}`) })}
                    value={model.factors[name].floor ?? ''}
                    onChange={(e) => setFactor(name, { floor: (e.target.value || null) as (typeof FLOORS)[number] | null })}
                  >
                    <option value="">{t('risk.noFloor')}</option>
                    {FLOORS.map((floor) => (
                      <option key={floor} value={floor}>
                        {t(`risk.level.${floor}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </DataTable>
        </Panel>
        <Panel id="risk-more" title={t('risk.more')}>
          <dl className="facts">
            <dt>{t('risk.blackList')}</dt>
            <dd>{model.countryLists.black.join(', ') || '—'}</dd>
            <dt>{t('risk.greyList')}</dt>
            <dd>{model.countryLists.grey.join(', ') || '—'}</dd>
            <dt>{t('risk.listSource')}</dt>
            <dd>{model.countryLists.source || '—'}</dd>
            <dt>{t('risk.rules')}</dt>
            <dd>
              {model.factors.questionnaire.rules.length === 0 ? (
                '—'
              ) : (
                <ul>
                  {model.factors.questionnaire.rules.map((rule, i) => (
                    <li key={i}>
                      <code>{rule.condition}</code> → +{rule.points} ({rule.explanation})
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
        </Panel>
        <ErrorMessage error={action.error} />
        <Saved message={saved} />
        <button type="submit" className="button primary" disabled={action.isBusy}>
          {t('risk.save')}
        </button>
      </form>
    </>
  );
}
