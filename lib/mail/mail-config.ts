/** Mail is sent only when SMTP_URL is set (e.g. smtps://user:pass@mail.example.org:465). */
import 'server-only';

export function mailIsConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? 'Vigil <no-reply@localhost>';
}
