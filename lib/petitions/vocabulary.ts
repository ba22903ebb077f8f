/** The petition domain's fixed vocabularies, importable by client components (the database enums, no tables). */
import { blocklistKind, petitionStatus, signerDisplay } from '@/db/schema/enums';
import { type Locale, LOCALES } from '@/lib/i18n/locales';

export const PETITION_STATUSES = petitionStatus.enumValues;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];
/** The statuses an organizer sets in the petition form; closing and delivery are operations of their own. */
export const EDITABLE_PETITION_STATUSES = ['draft', 'open', 'paused'] as const satisfies readonly PetitionStatus[];

export const SIGNER_DISPLAYS = signerDisplay.enumValues;
export type SignerDisplay = (typeof SIGNER_DISPLAYS)[number];

export const BLOCKLIST_KINDS = blocklistKind.enumValues;
export type BlocklistKind = (typeof BLOCKLIST_KINDS)[number];

/** A signer's language (their mails, their links) is any of the site's. */
export const SIGNING_LOCALES = LOCALES;
export type SigningLocale = Locale;

/** Why a public petition does not take signatures right now. */
export type SigningRefusal = 'not_open_yet' | 'paused' | 'closed' | 'site_paused';

/** The signing API's `error` code for each refusal (409): the API writes it, the sign form reads it back. */
export const SIGNING_REFUSAL_ERRORS = {
  closed: 'petition_closed',
  not_open_yet: 'petition_not_open',
  paused: 'petition_paused',
  site_paused: 'signing_paused',
} as const satisfies Record<SigningRefusal, string>;

/** The refusal an API error code stands for, or null when it is not one. */
export function signingRefusalOf(error: string | undefined): SigningRefusal | null {
  const found = Object.entries(SIGNING_REFUSAL_ERRORS).find(([, code]) => code === error);
  return found ? (found[0] as SigningRefusal) : null;
}

/** ISO 3166-1 alpha-2 codes; names come from Intl.DisplayNames in the reader's language. */
export const COUNTRY_CODES = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB', 'BD', 'BE',
  'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD',
  'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM',
  'DO', 'DZ', 'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF',
  'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM', 'HN', 'HR', 'HT', 'HU',
  'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM', 'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN',
  'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME',
  'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA',
  'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM',
  'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI',
  'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK',
  'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI',
  'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW',
] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

/**
 * The country most likely meant by a browser language such as "ko" or "en-GB" (Intl.Locale's
 * likely-subtags data), or '' when none fits. Only a preselection: the signer can change it.
 */
export function countryFromLanguage(language: string | undefined): CountryCode | '' {
  if (!language) return '';
  try {
    const region = new Intl.Locale(language).maximize().region;
    return region && (COUNTRY_CODES as readonly string[]).includes(region) ? (region as CountryCode) : '';
  } catch {
    return '';
  }
}
