/**
 * What a link preview image says, built only from public projections (lib/cases/public.ts,
 * lib/petitions/public.ts) and the message catalogs: the site, a case's people and where they are, a
 * petition's count. Pure: the routes read the public data, preview-image.tsx draws the card.
 */
import { createTranslator } from 'use-intl/core';
import type { PublicCase } from '@/lib/cases/public';
import type { PetitionCount, PublicPetition } from '@/lib/petitions/public';
import { messageCatalog } from '@/lib/i18n/catalogs';
import { isLocale, type Locale } from '@/lib/i18n/locales';

/** The size link previews expect (OpenGraph's 1.91:1). */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

export interface PreviewCard {
  /** The small line on top: the site, and what kind of page. */
  kicker: string;
  title: string;
  /** Where each person is now, as far as we know (at most three are drawn). */
  lines: string[];
  /** A petition's count and how far it is to the goal (0..1), when there is one. */
  figure: { text: string; progress: number | null } | null;
  footer: string;
}

/** Every language of the site has preview cards. */
export type PreviewLocale = Locale;

export function isPreviewLocale(locale: string): locale is PreviewLocale {
  return isLocale(locale);
}

function translator(locale: PreviewLocale) {
  return createTranslator({ locale, messages: { ...messageCatalog(locale, 'public'), ...messageCatalog(locale, 'petitions') } });
}

function countFigure(locale: PreviewLocale, count: PetitionCount | null): PreviewCard['figure'] {
  if (!count) return null;
  const t = translator(locale);
  return {
    text: t('thanks.otherCount', { confirmed: count.confirmed, goal: count.goal }),
    progress: count.goal > 0 ? count.confirmed / count.goal : null,
  };
}

function statusLines(locale: PreviewLocale, people: PublicCase['people']): string[] {
  const t = translator(locale);
  return people.map((person) => t('caseStatus.line', { alias: person.alias, status: person.custodyStatus, detail: 'undated', place: '', date: '' }));
}

export function homePreviewCard(locale: PreviewLocale, caseCount: number): PreviewCard {
  const t = translator(locale);
  return { kicker: t('site.name'), title: t('site.tagline'), lines: [t('share.caseCount', { count: caseCount })], figure: null, footer: t('home.title') };
}

/** A case: its people's public status, and the count of the petition it invites readers to sign. */
export function casePreviewCard(locale: PreviewLocale, publicCase: PublicCase, petition: PublicPetition | null, count: PetitionCount | null): PreviewCard {
  const t = translator(locale);
  return {
    kicker: `${t('site.name')} · ${t('caseStatus.bannerTitle')}`,
    title: publicCase.title,
    lines: statusLines(locale, publicCase.people),
    figure: petition ? countFigure(locale, count) : null,
    footer: petition ? `${petition.title} · ${t('petition.addressedTo', { target: petition.target })}` : t('site.tagline'),
  };
}

/** A petition: its count toward the goal, whom it asks, and the status of the people of its case. */
export function petitionPreviewCard(locale: PreviewLocale, petition: PublicPetition, publicCase: PublicCase | null, count: PetitionCount | null): PreviewCard {
  const t = translator(locale);
  return {
    kicker: `${t('site.name')} · ${t('share.petitionKicker')}`,
    title: petition.title,
    lines: publicCase ? statusLines(locale, publicCase.people) : [],
    figure: countFigure(locale, count),
    footer: t('petition.addressedTo', { target: petition.target }),
  };
}
