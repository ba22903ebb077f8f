import { useLocale, useTranslations } from 'next-intl';

/**
 * The console's two charts, drawn as inline SVG on the server (no chart library, no third-party
 * script): confirmed signatures per day over the last days, and by country.
 */
export function SignaturesPerDayChart({ days, perDay }: { days: number; perDay: { day: string; count: number }[] }) {
  const t = useTranslations('petitionConsole');
  const byDay = new Map(perDay.map((row) => [row.day, row.count]));
  const today = new Date();
  const series = Array.from({ length: days }, (_, index) => {
    const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1 - index)));
    const day = date.toISOString().slice(0, 10);
    return { day, count: byDay.get(day) ?? 0 };
  });
  const max = Math.max(1, ...series.map((point) => point.count));
  const width = 600;
  const height = 160;
  const barWidth = width / days;
  return (
    <figure>
      <figcaption className="mb-2 text-sm font-semibold">{t('perDay')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-label={t('chartLabel')} className="w-full" data-testid="chart-per-day">
        {series.map((point, index) => {
          const barHeight = (point.count / max) * height;
          return (
            <g key={point.day}>
              <rect x={index * barWidth + 1} y={height - barHeight} width={barWidth - 2} height={barHeight} className="fill-orange-800">
                <title>{`${point.day}: ${point.count}`}</title>
              </rect>
              {index % 7 === 0 ? (
                <text x={index * barWidth} y={height + 14} fontSize="10" className="fill-stone-600">
                  {point.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
        <text x={width} y={10} fontSize="10" textAnchor="end" className="fill-stone-600">
          {max}
        </text>
      </svg>
    </figure>
  );
}

export function SignaturesByCountryChart({ byCountry }: { byCountry: { country: string; count: number }[] }) {
  const t = useTranslations('petitionConsole');
  const locale = useLocale();
  if (byCountry.length === 0) return <p className="text-sm text-stone-600">{t('noData')}</p>;
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const max = Math.max(...byCountry.map((row) => row.count));
  const rowHeight = 22;
  return (
    <figure>
      <figcaption className="mb-2 text-sm font-semibold">{t('byCountry')}</figcaption>
      <svg viewBox={`0 0 600 ${byCountry.length * rowHeight}`} role="img" aria-label={t('countryChartLabel')} className="w-full" data-testid="chart-by-country">
        {byCountry.map((row, index) => (
          <g key={row.country} transform={`translate(0 ${index * rowHeight})`}>
            <text x={0} y={15} fontSize="12" className="fill-stone-800">
              {names.of(row.country) ?? row.country}
            </text>
            <rect x={180} y={4} width={Math.max(2, (row.count / max) * 360)} height={14} className="fill-orange-800" />
            <text x={186 + (row.count / max) * 360} y={15} fontSize="12" className="fill-stone-700">
              {row.count}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
