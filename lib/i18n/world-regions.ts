/**
 * Where a country is in the world, by the UN's M49 sub-regions, so that a supporter whose country has
 * no listed embassy is offered one close by (same sub-region first, then the same continent). No
 * server-only import: the supporter's letter form uses it in the browser.
 */
const SUB_REGIONS: Record<string, { continent: string; countries: string }> = {
  easternAsia: { continent: 'asia', countries: 'CN HK MO JP KP KR MN TW' },
  southEasternAsia: { continent: 'asia', countries: 'BN KH ID LA MY MM PH SG TH TL VN' },
  southernAsia: { continent: 'asia', countries: 'AF BD BT IN IR MV NP PK LK' },
  centralAsia: { continent: 'asia', countries: 'KZ KG TJ TM UZ' },
  westernAsia: { continent: 'asia', countries: 'AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE' },
  easternEurope: { continent: 'europe', countries: 'BY BG CZ HU MD PL RO RU SK UA' },
  northernEurope: { continent: 'europe', countries: 'AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB' },
  southernEurope: { continent: 'europe', countries: 'AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES' },
  westernEurope: { continent: 'europe', countries: 'AT BE FR DE LI LU MC NL CH' },
  northernAmerica: { continent: 'americas', countries: 'BM CA GL PM US' },
  caribbean: { continent: 'americas', countries: 'AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI' },
  centralAmerica: { continent: 'americas', countries: 'BZ CR SV GT HN MX NI PA' },
  southAmerica: { continent: 'americas', countries: 'AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE' },
  northernAfrica: { continent: 'africa', countries: 'DZ EG LY MA SD TN EH' },
  easternAfrica: { continent: 'africa', countries: 'IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW' },
  middleAfrica: { continent: 'africa', countries: 'AO CM CF TD CG CD GQ GA ST' },
  southernAfrica: { continent: 'africa', countries: 'BW SZ LS NA ZA' },
  westernAfrica: { continent: 'africa', countries: 'BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG' },
  australiaAndNewZealand: { continent: 'oceania', countries: 'AU CC CX HM NF NZ' },
  melanesia: { continent: 'oceania', countries: 'FJ NC PG SB VU' },
  micronesia: { continent: 'oceania', countries: 'GU KI MH FM NR MP PW UM' },
  polynesia: { continent: 'oceania', countries: 'AS CK NU PN WS TK TO TV WF PF' },
  antarctica: { continent: 'antarctica', countries: 'AQ' },
};

const PLACE = new Map<string, { subRegion: string; continent: string }>(
  Object.entries(SUB_REGIONS).flatMap(([subRegion, { continent, countries }]) => countries.split(' ').map((country) => [country, { subRegion, continent }] as const)),
);

/** The countries the table places: tests check it against the full country list. */
export function placedCountries(): string[] {
  return [...PLACE.keys()];
}

/**
 * Of `listed` (countries where there is a place to write to), the one closest to `country`: itself,
 * else the first in its sub-region, else the first on its continent; null when none is near.
 */
export function nearestListedCountry(country: string, listed: readonly string[]): string | null {
  if (listed.includes(country)) return country;
  const place = PLACE.get(country);
  if (!place) return null;
  return listed.find((candidate) => PLACE.get(candidate)?.subRegion === place.subRegion) ?? listed.find((candidate) => PLACE.get(candidate)?.continent === place.continent) ?? null;
}
