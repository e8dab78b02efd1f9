import { formatPercent } from '../../../shared/i18n/format.js';
import type { CompanyOwnership } from '../api/types.js';
import { ColumnHeads } from '../components/layout.js';
import { useI18n } from '../i18n/i18n.js';
import { layoutOwnership, NODE_HEIGHT, NODE_WIDTH, type PlacedNode } from './ownership-layout.js';

const clip = (text: string, max = 24) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The ownership structure as an SVG graph (owners below what they own, percentages on the
 * edges, UBOs highlighted, unexplained remainders dashed), followed by the same facts as a
 * table, which is what screen readers and narrow screens read.
 */
export function OwnershipGraph({ ownership }: { ownership: CompanyOwnership }) {
  const { t, locale } = useI18n();
  const { nodes, edges, width, height } = layoutOwnership(ownership);
  const pct = (value: number | null) => (value === null ? t('ownership.unknownShare') : formatPercent(locale, value));
  const label = (node: PlacedNode) => (node.kind === 'remainder' ? t('ownership.unexplained') : node.name);
  return (
    <>
      <p>
        {t('ownership.summary', { threshold: formatPercent(locale, ownership.threshold), unexplained: formatPercent(locale, ownership.unexplainedPercentage) })}
      </p>
      <div className="graph-wrap">
        <svg className="ownership-graph" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby="ownership-graph-title">
          <title id="ownership-graph-title">{t('ownership.graphLabel')}</title>
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="edge-arrow" />
            </marker>
          </defs>
          {edges.map((edge) => {
            const x1 = edge.to.x + NODE_WIDTH / 2;
            const y1 = edge.to.y;
            const x2 = edge.from.x + NODE_WIDTH / 2;
            const y2 = edge.from.y + NODE_HEIGHT;
            return (
              <g key={`${edge.from.id}>${edge.to.id}`} className={edge.isRemainder ? 'edge remainder' : 'edge'}>
                <line x1={x1} y1={y1} x2={x2} y2={y2} markerEnd="url(#arrow)" />
                <text x={(x1 + x2) / 2 + 6} y={(y1 + y2) / 2} className="edge-label">
                  {pct(edge.percentage)}
                </text>
              </g>
            );
          })}
          {nodes.map((node) => (
            <g
              key={node.id}
              className={`node ${node.kind}${node.isUbo ? ' ubo' : ''}${node.isRoot ? ' root' : ''}`}
              transform={`translate(${node.x},${node.y})`}
            >
              <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={node.kind === 'person' ? 28 : 6} />
              <text x={12} y={24} className="node-name">
                {clip(label(node))}
              </text>
              <text x={12} y={46} className="node-meta">
                {node.kind === 'remainder'
                  ? t('ownership.notTraced')
                  : `${t(node.kind === 'company' ? 'ownership.company' : 'ownership.person')}${node.isUbo ? ` · ${t('ownership.ubo')}` : ''}${node.effectivePercentage !== null && !node.isRoot ? ` · ${pct(node.effectivePercentage)}` : ''}`}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <table className="data-table">
        <caption>{t('ownership.peopleCaption')}</caption>
        <ColumnHeads columns={[t('ownership.name'), t('ownership.effective'), t('ownership.ubo')]} />
        <tbody>
          {ownership.persons.map((person) => (
            <tr key={person.id} className={person.isUbo ? 'ubo-row' : undefined}>
              <td>{person.name}</td>
              <td>{person.hasUnknownShare ? t('ownership.unknownShare') : formatPercent(locale, person.effectivePercentage)}</td>
              <td>{person.isUbo ? t('answer.yes') : t('answer.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ownership.problems.length > 0 ? (
        <ul className="problems">
          {ownership.problems.map((p, i) => (
            <li key={i} className="tone-warning">
              {p.message}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
