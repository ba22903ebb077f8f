/** Mail is sent only when SMTP_URL is set (e.g. smtps://user:pass@mail.example.org:465). */
import 'server-only';
import { BRAND_NAME } from '@/lib/brand';

export function mailIsConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? `${BRAND_NAME} <no-reply@localhost>`;
}
